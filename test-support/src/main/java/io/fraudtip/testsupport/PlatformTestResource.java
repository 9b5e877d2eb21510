package io.fraudtip.testsupport;

import io.fraudtip.localstack.bank.DemoBank;
import io.fraudtip.localstack.infra.PostgresServer;
import io.fraudtip.localstack.security.Tokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} application at the JVM's test Kafka broker and PostgreSQL (a
 * database per module, named after the module's directory), makes it trust the test signing key,
 * and injects {@link InjectKafka}, {@link InjectDatabase}, {@link InjectDemoBank} and {@link
 * InjectTokens} fields.
 *
 * <p>Use with {@code @WithTestResource(PlatformTestResource.class)}.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {
  private TestInfrastructure infra;
  private String database;
  private KafkaCompanion companion;

  @Override
  public void init(Map<String, String> initArgs) {
    database =
        initArgs.getOrDefault(
            "database",
            Path.of("").toAbsolutePath().getFileName().toString().replaceAll("[^a-z0-9]", "_"));
  }

  @Override
  public Map<String, String> start() {
    infra = TestInfrastructure.get();
    infra.postgres().ensureDatabase(database);
    companion = new KafkaCompanion(infra.kafka().bootstrapServers());
    Map<String, String> config = new HashMap<>();
    config.put("kafka.bootstrap.servers", infra.kafka().bootstrapServers());
    config.put("quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(database));
    config.put("quarkus.datasource.username", PostgresServer.USER);
    config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
    config.put("mp.jwt.verify.publickey.location", infra.keys().publicKeyFile().toString());
    config.put("mp.jwt.verify.issuer", Tokens.ISSUER);
    return config;
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(
        companion,
        new TestInjector.AnnotatedAndMatchesType(InjectKafka.class, KafkaCompanion.class));
    injector.injectIntoFields(
        new TestDatabase(
            infra.postgres().jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD),
        new TestInjector.AnnotatedAndMatchesType(InjectDatabase.class, TestDatabase.class));
    injector.injectIntoFields(
        infra.demoBank(),
        new TestInjector.AnnotatedAndMatchesType(InjectDemoBank.class, DemoBank.class));
    injector.injectIntoFields(
        infra.tokens(), new TestInjector.AnnotatedAndMatchesType(InjectTokens.class, Tokens.class));
  }

  @Override
  public void stop() {
    if (companion != null) {
      companion.close();
    }
    // The servers outlive this application: other test applications in the JVM use them.
  }
}

package io.fraudtip.testsupport;

import io.fraudtip.localstack.bank.DemoBank;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} application the TLS configuration {@value #TLS_CONFIGURATION}
 * ({@code quarkus.tls.demo-bank.*}) for calls to the https demo bank: that bank's certificate as
 * the one authority, and the platform's client certificate. Injects {@link InjectHttpsBank} fields.
 *
 * <p>Only the module that calls banks needs it (its certificates cost a {@code keytool} run each):
 * declare it once there with {@code @WithTestResource(value = HttpsBankTestResource.class, scope =
 * TestResourceScope.GLOBAL)}, so that every test application of the module has it and none restarts
 * for it.
 */
public class HttpsBankTestResource implements QuarkusTestResourceLifecycleManager {
  /** The named TLS configuration ({@code quarkus.tls.<name>.*}) of calls to the demo banks. */
  public static final String TLS_CONFIGURATION = "demo-bank";

  private static final String TLS = "quarkus.tls." + TLS_CONFIGURATION + ".";

  private TestInfrastructure infra;

  @Override
  public Map<String, String> start() {
    infra = TestInfrastructure.get();
    return Map.of(
        TLS + "trust-store.pem.certs", infra.bankCertificate().pem().toString(),
        TLS + "key-store.p12.path", infra.platformCertificate().keyStore().toString(),
        TLS + "key-store.p12.password", TestCertificate.PASSWORD);
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(
        infra.httpsBank(),
        new TestInjector.AnnotatedAndMatchesType(InjectHttpsBank.class, DemoBank.class));
  }

  @Override
  public void stop() {
    // The bank outlives this application: other test applications in the JVM use it.
  }
}

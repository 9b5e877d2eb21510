package io.fraudtip.loadtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memory phases' JVM options: the native memory tracker and the class archives per JDK. */
class ServiceJvmTest {
  private final Path dir = Path.of("/tmp/archives");

  @Test
  void jdk17RecordsAndUsesAnAppCdsArchivePerService() {
    ServiceJvm jdk17 = new ServiceJvm("JDK 17", Path.of("/jdk17"), 17, List.of());

    ServiceJvm training = jdk17.withNmt().recordingClassArchive(dir);
    ServiceJvm archived = jdk17.withClassArchive(dir);

    assertThat(training.options())
        .containsExactly(
            "-XX:MaxMetaspaceSize=512m", "-XX:ArchiveClassesAtExit=/tmp/archives/{service}.jsa");
    assertThat(training.tracksNativeMemory()).isFalse();
    assertThat(archived.options())
        .containsExactly("-XX:SharedArchiveFile=/tmp/archives/{service}.jsa");
    assertThat(archived.label()).isEqualTo("JDK 17 + AppCDS");
    assertThat(archived.withNmt().withNmt().options()).hasSize(2);
    assertThat(jdk17.archive(dir, "case-service")).isEqualTo(dir.resolve("case-service.jsa"));
  }

  @Test
  void jdk25RecordsAndUsesAnAotCache() {
    ServiceJvm jdk25 =
        new ServiceJvm("JDK 25", Path.of("/jdk25"), 25, List.of("-XX:+UseCompactObjectHeaders"));

    assertThat(jdk25.recordingClassArchive(dir).options())
        .containsExactly(
            "-XX:+UseCompactObjectHeaders",
            "-XX:MaxMetaspaceSize=512m",
            "-XX:AOTCacheOutput=/tmp/archives/{service}.aot");
    assertThat(jdk25.withClassArchive(dir).options())
        .containsExactly(
            "-XX:+UseCompactObjectHeaders", "-XX:AOTCache=/tmp/archives/{service}.aot");
    assertThat(jdk25.withClassArchive(dir).label()).isEqualTo("JDK 25 + AOT cache");
    assertThat(jdk25.withNmt().tracksNativeMemory()).isTrue();
  }

  @Test
  void theC1OnlyLeverAddsTheFirstTierAloneToTheOptionsItIsGiven() {
    ServiceJvm levers =
        new ServiceJvm("JDK 17", Path.of("/jdk17"), 17, List.of("-XX:+Foo")).withLevers();

    ServiceJvm c1 = levers.withC1Only();

    assertThat(c1.label()).isEqualTo("JDK 17 + levers + C1 only");
    assertThat(c1.options()).startsWith(levers.options().toArray(String[]::new));
    assertThat(c1.options()).endsWith("-XX:TieredStopAtLevel=1");
  }

  @Test
  void aJdk25IsFoundUnlessTheRunSaysNone(@TempDir Path jvms) throws Exception {
    Path java = Files.createDirectories(jvms.resolve("temurin-25-jdk/bin")).resolve("java");
    Files.createFile(java);
    java.toFile().setExecutable(true);

    assertThat(ServiceJvm.jdk25("", jvms))
        .map(ServiceJvm::home)
        .contains(jvms.resolve("temurin-25-jdk"));
    assertThat(ServiceJvm.jdk25("none", jvms)).isEmpty();
    assertThat(ServiceJvm.jdk25("", jvms.resolve("elsewhere"))).isEmpty();
  }

  @Test
  void optionsToTryAreSplitAndTheForksQuotesDropped() {
    assertThat(ServiceJvm.tried("\"-Xms96m -Xmn40m\"")).containsExactly("-Xms96m", "-Xmn40m");
    assertThat(ServiceJvm.tried(" -XX:+Foo ")).containsExactly("-XX:+Foo");
    assertThat(ServiceJvm.tried("")).isEmpty();
  }
}

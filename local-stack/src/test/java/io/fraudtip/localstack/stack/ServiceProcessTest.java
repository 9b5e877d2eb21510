package io.fraudtip.localstack.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The images start the services with the JVM options of ./run-local and the benchmark. */
class ServiceProcessTest {
  @Test
  void theImagesStartTheServicesWithTheSameJvmOptions() throws Exception {
    String dockerfile = Files.readString(Path.of("..", "Dockerfile"));

    Matcher options = Pattern.compile("ENV JAVA_OPTS_APPEND=\"([^\"]*)\"").matcher(dockerfile);
    assertThat(options.find()).as("JAVA_OPTS_APPEND in the Dockerfile").isTrue();
    assertThat(List.of(options.group(1).split(" "))).containsAll(ServiceProcess.JVM_OPTIONS);
  }

  @Test
  void mallocsFreedMemoryIsGivenBackWhereTheJdkCan() {
    assertThat(ServiceProcess.jvmOptions(Runtime.Version.parse("17.0.15")))
        .contains(ServiceProcess.TRIM_NATIVE_HEAP);
    assertThat(ServiceProcess.jvmOptions(Runtime.Version.parse("25.0.1")))
        .contains(ServiceProcess.TRIM_NATIVE_HEAP);
    // JDK 17 is the least a user needs; before 17.0.9 the JVM refuses the option.
    assertThat(ServiceProcess.jvmOptions(Runtime.Version.parse("17.0.8")))
        .doesNotContain(ServiceProcess.TRIM_NATIVE_HEAP)
        .contains("-XX:+UseSerialGC");
  }
}

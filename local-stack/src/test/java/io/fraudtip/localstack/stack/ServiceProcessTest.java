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
}

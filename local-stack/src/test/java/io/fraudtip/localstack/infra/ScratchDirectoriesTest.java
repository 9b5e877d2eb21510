package io.fraudtip.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchDirectoriesTest {

  @Test
  void deletesTheWholeTree() throws Exception {
    Path dir = ScratchDirectories.create("scratch-test-");
    Files.createDirectories(dir.resolve("postgres/base/1"));
    Files.writeString(dir.resolve("postgres/base/1/16384"), "rows");
    Files.writeString(dir.resolve("top.txt"), "x");

    ScratchDirectories.delete(dir);

    assertThat(dir).doesNotExist();
  }

  @Test
  void keepsTheEntriesNamed() throws Exception {
    Path dir = ScratchDirectories.create("scratch-test-");
    Files.createDirectories(dir.resolve("logs"));
    Files.writeString(dir.resolve("logs/broker.log"), "started");
    Files.createDirectories(dir.resolve("kafka/tips.v1-0"));
    Files.writeString(dir.resolve("kafka/tips.v1-0/00.log"), "records");

    ScratchDirectories.delete(dir, "logs");

    assertThat(dir.resolve("logs/broker.log")).hasContent("started");
    assertThat(dir.resolve("kafka")).doesNotExist();
    ScratchDirectories.delete(dir);
    assertThat(dir).doesNotExist();
  }

  @Test
  void aMissingDirectoryIsNothingToDo() {
    Path missing = Path.of(System.getProperty("java.io.tmpdir"), "scratch-test-never-made");

    ScratchDirectories.delete(missing);

    assertThat(missing).doesNotExist();
  }
}

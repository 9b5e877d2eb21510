package io.fraudtip.localstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Directories of throwaway server data: a test JVM's or a benchmark run's PostgreSQL and Kafka
 * files, made under the system's temporary directory and deleted once their servers stopped. Left
 * behind, they filled the disk: 50 MB for each test JVM, 7–10 GB for each benchmark run.
 */
public final class ScratchDirectories {
  private ScratchDirectories() {}

  /** A new empty directory under the system's temporary directory, its name starting so. */
  public static Path create(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Deletes the directory and everything in it, apart from its entries named in {@code keep} (such
   * as the servers' logs, for a reader after the run). Nothing happens if it does not exist.
   *
   * @throws UncheckedIOException if a file could not be deleted
   */
  public static void delete(Path dir, String... keep) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    Set<Path> kept = Stream.of(keep).map(dir::resolve).collect(Collectors.toSet());
    try (Stream<Path> paths = Files.walk(dir)) {
      List<Path> doomed =
          paths
              .filter(p -> kept.stream().noneMatch(p::startsWith))
              // the directory itself stays while it holds what is kept
              .filter(p -> kept.isEmpty() || !p.equals(dir))
              .sorted(Comparator.reverseOrder())
              .toList();
      for (Path p : doomed) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + dir, e);
    }
  }

  /** {@link #delete}, saying on standard error what could not be deleted instead of throwing. */
  public static void deleteQuietly(Path dir, String... keep) {
    try {
      delete(dir, keep);
    } catch (UncheckedIOException e) {
      System.err.println(e.getMessage() + ": " + e.getCause().getMessage());
    }
  }
}

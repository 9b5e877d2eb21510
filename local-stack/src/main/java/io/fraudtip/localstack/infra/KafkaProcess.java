package io.fraudtip.localstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The same KRaft broker as {@link KafkaServer}, in a child JVM of its own (this class's {@link
 * #main} on this JVM's class path): a fault test can kill it with SIGKILL, as a machine losing the
 * broker would, and start it again on the same ports and log directory. Its output goes to a log
 * file.
 */
public final class KafkaProcess implements KafkaBroker {
  /** The line the child prints once its broker takes clients. */
  static final String READY = "KAFKA-PROCESS-READY";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  /** Sized for a test broker on a shared 2-core machine, as the services are. */
  private static final List<String> JVM_OPTIONS =
      List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");

  private final Path logDirectory;
  private final int port;
  private final int controllerPort;
  private final int partitions;
  private final Path log;
  private volatile Process process;

  private KafkaProcess(Path logDirectory, int port, int controllerPort, int partitions, Path log) {
    this.logDirectory = logDirectory;
    this.port = port;
    this.controllerPort = controllerPort;
    this.partitions = partitions;
    this.log = log;
  }

  /**
   * Starts a broker in a child JVM and waits until it takes clients.
   *
   * @param logDirectory where the logs and metadata live
   * @param port the client port on loopback
   * @param partitions default partition count of topics created on first use
   * @param log the file the child's output is appended to
   */
  public static KafkaProcess start(Path logDirectory, int port, int partitions, Path log) {
    KafkaProcess broker = new KafkaProcess(logDirectory, port, FreePorts.pick(), partitions, log);
    broker.process = broker.fork();
    return broker;
  }

  private Process fork() {
    try {
      Files.createDirectories(log.getParent());
      long logSize = Files.exists(log) ? Files.size(log) : 0;
      List<String> command = new java.util.ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(JVM_OPTIONS);
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(KafkaProcess.class.getName());
      command.add(logDirectory.toAbsolutePath().toString());
      command.add(Integer.toString(port));
      command.add(Integer.toString(controllerPort));
      command.add(Integer.toString(partitions));
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      awaitReady(p, logSize);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start Kafka in a process of its own", e);
    }
  }

  private void awaitReady(Process p, long logSize) throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException(
            "Kafka exited with " + p.exitValue() + " while starting; see " + log);
      }
      if (readySince(logSize)) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
        throw new IllegalStateException("interrupted while Kafka was starting", e);
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException("Kafka did not start within " + START_TIMEOUT + "; see " + log);
  }

  /** Whether the ready line was written to the log after the given offset. */
  private boolean readySince(long offset) throws IOException {
    if (!Files.exists(log)) {
      return false;
    }
    try (SeekableByteChannel channel = Files.newByteChannel(log)) {
      channel.position(offset);
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(0, channel.size() - offset));
      while (buffer.hasRemaining() && channel.read(buffer) > 0) {
        // read on
      }
      return new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1)
          .lines()
          .anyMatch(READY::equals);
    }
  }

  /** The child's process id. */
  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Kills the broker outright (SIGKILL): nothing is flushed or closed, the next start recovers its
   * logs as after a crash. Returns once the process is gone.
   */
  public void kill() {
    process.destroyForcibly();
    awaitExit(process);
  }

  @Override
  public void restart() {
    if (process.isAlive()) {
      close();
    }
    process = fork();
  }

  @Override
  public String bootstrapServers() {
    return "localhost:" + port;
  }

  @Override
  public void ensureTopics(Collection<String> names, int partitions) {
    KafkaServer.ensureTopics(bootstrapServers(), names, partitions);
  }

  /** Stops the broker as a service manager would (SIGTERM, then SIGKILL after 30 s). */
  @Override
  public void close() {
    Process p = process;
    p.destroy();
    try {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        awaitExit(p);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
    }
  }

  private static void awaitExit(Process p) {
    try {
      p.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The child: {@code <log directory> <port> <controller port> <partitions>}. Runs the broker until
   * its standard input ends, which is when the parent closes it or dies (so that a test JVM killed
   * outright leaves no broker behind), or until the process is ended; a SIGTERM closes the broker
   * cleanly through the shutdown hook.
   */
  public static void main(String[] args) throws IOException {
    KafkaServer server =
        KafkaServer.start(
            Path.of(args[0]),
            Integer.parseInt(args[1]),
            Integer.parseInt(args[2]),
            Integer.parseInt(args[3]));
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "kafka-process-stop"));
    System.out.println(READY);
    System.out.flush();
    while (System.in.read() >= 0) {
      // nothing is sent; the read ends with the parent
    }
    System.exit(0);
  }
}

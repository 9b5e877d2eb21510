package io.fraudtip.localstack.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;

/** Port look-ups, so that tests run beside a running local stack. */
public final class FreePorts {
  /**
   * Ports handed out in this JVM: the system may give the same free port to two picks in a row (a
   * broker's client and controller ports once came out equal, and the broker refused to start).
   */
  private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

  private static final int TRIES = 100;

  /** The lowest port picked: above the well-known and most registered servers' ports. */
  private static final int LOWEST = 20_000;

  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

  private FreePorts() {}

  /**
   * A port on the loopback interface that nothing listens on right now, and that no earlier call in
   * this JVM returned.
   */
  public static int pick() {
    return pick(FreePorts::anyFree);
  }

  /** The first port from {@code free} that was not handed out before. */
  static int pick(IntSupplier free) {
    for (int i = 0; i < TRIES; i++) {
      int port = free.getAsInt();
      if (GIVEN.add(port)) {
        return port;
      }
    }
    throw new IllegalStateException("no free port on loopback not handed out already");
  }

  /**
   * A free port below the range the system takes local ports of outgoing connections from: a port
   * from that range (what binding port 0 gives) can be taken by a client's connection between the
   * pick and its server's start, as a service's port once was while the services before it
   * connected to Kafka and PostgreSQL (CI, SharedInfrastructureIT).
   */
  private static int anyFree() {
    int below = ephemeralStart();
    if (below - LOWEST > 1_000) {
      for (int i = 0; i < TRIES; i++) {
        int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
        if (isFree(port)) {
          return port;
        }
      }
    }
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on loopback", e);
    }
  }

  /** The first port of the system's range for outgoing connections (Linux's default elsewhere). */
  static int ephemeralStart() {
    try {
      // Read as a stream: some kernels give /proc files a size that is not their length.
      try (BufferedReader in = Files.newBufferedReader(EPHEMERAL_RANGE)) {
        return Integer.parseInt(in.readLine().trim().split("\\s+")[0]);
      }
    } catch (IOException | RuntimeException e) {
      return 32_768;
    }
  }

  /** Whether a server could bind this port on all interfaces (what the services do). */
  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}

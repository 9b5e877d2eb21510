package io.fraudtip.localstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/** Port look-ups, so that tests run beside a running local stack. */
public final class FreePorts {
  /**
   * Ports handed out in this JVM: the system may give the same free port to two picks in a row (a
   * broker's client and controller ports once came out equal, and the broker refused to start).
   */
  private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

  private static final int TRIES = 100;

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

  private static int anyFree() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on loopback", e);
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

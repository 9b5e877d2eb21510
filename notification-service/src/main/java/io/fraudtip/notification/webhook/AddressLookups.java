package io.fraudtip.notification.webhook;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks the addresses of a webhook's host ({@link EndpointUrlPolicy#checkAddresses}) off the
 * dispatcher's thread. The system's lookup blocks, for as long as a bank's name servers take to
 * answer or time out (seconds), and on the dispatcher's one thread it held every other bank's
 * webhooks as long. One lookup per host at a time, on a thread of its own: the webhooks to a host
 * whose name is slow to resolve share that lookup and wait for it, and no other host's do. Threads
 * are made as lookups need them and end when idle, so there are at most as many as bank hosts being
 * looked up together.
 */
@ApplicationScoped
class AddressLookups {
  private final EndpointUrlPolicy urls;
  private final Map<String, CompletableFuture<List<InetAddress>>> inFlight =
      new ConcurrentHashMap<>();
  private final ExecutorService threads;

  /** The address of each host and port that took its last connection (a few per bank at most). */
  private final Map<String, InetAddress> lastConnected = new ConcurrentHashMap<>();

  AddressLookups(EndpointUrlPolicy urls) {
    this.urls = urls;
    AtomicInteger count = new AtomicInteger();
    this.threads =
        Executors.newCachedThreadPool(
            task -> {
              Thread t = new Thread(task, "webhook-lookup-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * The checked addresses to connect to, the one that took the host's last connection first; none
   * where nothing is checked (local use allowed), or the policy's refusal. Completes on the
   * lookup's thread, or at once when nothing is checked.
   */
  CompletableFuture<List<InetAddress>> check(URI uri) {
    if (!urls.checksAddresses(uri)) {
      return CompletableFuture.completedFuture(List.of());
    }
    return lookUp(uri, host(uri)).thenApply(addresses -> lastConnectedFirst(uri, addresses));
  }

  /**
   * Notes the address that took a connection to the URL's host and port: the next attempts try it
   * first, so that an address that does not answer (a bank's server down, its packets dropped)
   * costs one connect timeout, not one for every webhook.
   */
  void connected(URI uri, InetAddress address) {
    lastConnected.put(server(uri), address);
  }

  private List<InetAddress> lastConnectedFirst(URI uri, List<InetAddress> addresses) {
    String server = server(uri);
    InetAddress last = lastConnected.get(server);
    if (last == null || addresses.size() < 2 || addresses.get(0).equals(last)) {
      return addresses;
    }
    if (!addresses.contains(last)) {
      // The name points elsewhere now.
      lastConnected.remove(server, last);
      return addresses;
    }
    List<InetAddress> ordered = new ArrayList<>(addresses.size());
    ordered.add(last);
    addresses.stream().filter(a -> !a.equals(last)).forEach(ordered::add);
    return List.copyOf(ordered);
  }

  private static String host(URI uri) {
    return uri.getHost().toLowerCase(Locale.ROOT);
  }

  private static String server(URI uri) {
    return host(uri) + ":" + WebhookTracing.port(uri);
  }

  private CompletableFuture<List<InetAddress>> lookUp(URI uri, String host) {
    CompletableFuture<List<InetAddress>> mine = new CompletableFuture<>();
    CompletableFuture<List<InetAddress>> running = inFlight.putIfAbsent(host, mine);
    if (running != null) {
      return running;
    }
    try {
      threads.execute(
          () -> {
            List<InetAddress> found;
            try {
              found = urls.checkAddresses(uri);
            } catch (RuntimeException e) {
              inFlight.remove(host, mine);
              mine.completeExceptionally(e);
              return;
            }
            // Out of the map before it completes: a webhook that comes after the answer looks the
            // host up again (the JVM's own cache may answer), never takes this one.
            inFlight.remove(host, mine);
            mine.complete(found);
          });
    } catch (RejectedExecutionException e) {
      // Shutting down.
      inFlight.remove(host, mine);
      mine.completeExceptionally(e);
    }
    return mine;
  }

  @PreDestroy
  void close() {
    threads.shutdownNow();
  }
}

package io.fraudtip.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudtip.commons.problem.ProblemException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lookups of the banks' hosts off the dispatcher's thread, one per host at a time. */
class AddressLookupsTest {
  private final CountDownLatch answer = new CountDownLatch(1);
  private final ConcurrentHashMap<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private AddressLookups lookups;

  @AfterEach
  void close() {
    answer.countDown();
    if (lookups != null) {
      lookups.close();
    }
  }

  /** Production's policy whose lookup of {@code slow.bank.example} waits for {@link #answer}. */
  private AddressLookups lookups(List<String> localOrigins) {
    lookups =
        new AddressLookups(
            new EndpointUrlPolicy(
                false,
                localOrigins,
                name -> {
                  // Names are case-insensitive, as the system's lookup takes them.
                  String host = name.toLowerCase(Locale.ROOT);
                  calls.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
                  if (host.equals("slow.bank.example")) {
                    try {
                      answer.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                  if (host.endsWith(".internal")) {
                    throw new UnknownHostException(host);
                  }
                  if (host.equals("two.bank.example")) {
                    return new InetAddress[] {
                      InetAddress.getByName("203.0.113.1"), InetAddress.getByName("203.0.113.2")
                    };
                  }
                  return new InetAddress[] {
                    InetAddress.getByName(host.startsWith("private") ? "10.0.0.7" : "203.0.113.9")
                  };
                }));
    return lookups;
  }

  @Test
  void webhooksToAHostWhoseLookupHangsShareItAndOtherHostsAreAnsweredMeanwhile() throws Exception {
    AddressLookups lookups = lookups(List.of());

    CompletableFuture<List<InetAddress>> first =
        lookups.check(URI.create("https://slow.bank.example/a"));
    CompletableFuture<List<InetAddress>> second =
        lookups.check(URI.create("https://SLOW.bank.example:8443/b"));
    List<InetAddress> other =
        lookups.check(URI.create("https://fast.bank.example/hooks")).get(5, TimeUnit.SECONDS);

    assertThat(other).containsExactly(InetAddress.getByName("203.0.113.9"));
    assertThat(first).isNotDone();
    assertThat(second).isNotDone();
    answer.countDown();
    assertThat(first.get(5, TimeUnit.SECONDS))
        .containsExactly(InetAddress.getByName("203.0.113.9"));
    assertThat(second.get(5, TimeUnit.SECONDS))
        .containsExactly(InetAddress.getByName("203.0.113.9"));
    assertThat(calls.get("slow.bank.example")).hasValue(1);
    // Done: the next webhook to the host looks it up again.
    assertThat(lookups.check(URI.create("https://slow.bank.example/a")).get(5, TimeUnit.SECONDS))
        .isNotEmpty();
    assertThat(calls.get("slow.bank.example")).hasValue(2);
  }

  @Test
  void theAddressThatTookTheHostsLastConnectionIsTriedFirst() throws Exception {
    AddressLookups lookups = lookups(List.of());
    URI uri = URI.create("https://two.bank.example/hooks");
    InetAddress first = InetAddress.getByName("203.0.113.1");
    InetAddress second = InetAddress.getByName("203.0.113.2");
    InetAddress gone = InetAddress.getByName("203.0.113.3");

    assertThat(lookups.check(uri).get(5, TimeUnit.SECONDS)).containsExactly(first, second);
    lookups.connected(uri, second);
    assertThat(lookups.check(uri).get(5, TimeUnit.SECONDS)).containsExactly(second, first);
    // Another port of the host is another server; an address the name no longer answers changes
    // nothing.
    URI otherPort = URI.create("https://TWO.bank.example:8443/other");
    assertThat(lookups.check(otherPort).get(5, TimeUnit.SECONDS)).containsExactly(first, second);
    lookups.connected(URI.create("https://TWO.bank.example:443/other"), gone);
    assertThat(lookups.check(uri).get(5, TimeUnit.SECONDS)).containsExactly(first, second);
  }

  @Test
  void aHostThatIsNotPublicOrDoesNotResolveIsRefused() {
    AddressLookups lookups = lookups(List.of());

    for (String url : List.of("https://private.bank.example/", "https://hooks.internal/")) {
      assertThatThrownBy(() -> lookups.check(URI.create(url)).get(5, TimeUnit.SECONDS))
          .as(url)
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(ProblemException.class);
    }
  }

  @Test
  void anAllowedLocalOriginIsNotLookedUpAndHasNoAddressToPin() {
    AddressLookups lookups = lookups(List.of("http://localhost:8089"));

    CompletableFuture<List<InetAddress>> local =
        lookups.check(URI.create("http://localhost:8089/hooks"));

    assertThat(local).isCompletedWithValue(List.of());
    assertThat(calls).isEmpty();
  }
}

package io.fraudtip.commons.outbox;

import io.fraudtip.commons.failure.Causes;
import io.fraudtip.commons.time.Timestamps;
import io.fraudtip.commons.tracing.TraceContexts;
import io.fraudtip.contracts.CloudEvents;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka. Woken by the commits of this instance and by a short poll for the
 * others'; takes rows with {@code FOR UPDATE SKIP LOCKED} so that several instances never hold the
 * same row; marks rows sent only once Kafka has acknowledged them (idempotent producer, {@code
 * acks=all}); backs off while Kafka is away. Delivery is at least once: consumers dedupe on the
 * event id.
 */
@ApplicationScoped
public class OutboxRelay {
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

  /**
   * The data's content type in the {@code content-type} header, where the CloudEvents Kafka binding
   * puts it in binary mode. Given to the connector as a data content type, it writes it twice (also
   * as {@code ce_datacontenttype}): a header more on every record, read by no one. One read-only
   * set for every record: the connector copies it into each record's own headers.
   */
  private static final Headers CONTENT_TYPE = contentType();

  private static final long MIN_BACKOFF_MS = 100;
  private static final long STATS_EVERY_MS = 1_000;
  private static final long CLEANUP_EVERY_MS = 60_000;
  private static final String TAKE_UNSENT =
      "SELECT id, event_id, topic, record_key, event_type, payload, created_at, trace_parent,"
          + " trace_state FROM outbox_event WHERE published_at IS NULL ORDER BY id LIMIT ?"
          + " FOR UPDATE SKIP LOCKED";
  private static final String MARK_SENT =
      "UPDATE outbox_event SET published_at = ? WHERE id = ANY (?)";

  /** An unsent row, as the relay reads it. */
  private record Row(
      long id,
      UUID eventId,
      String topic,
      String recordKey,
      String eventType,
      String payload,
      Instant createdAt,
      String traceParent,
      String traceState) {
    static Row of(ResultSet rs) throws SQLException {
      return new Row(
          rs.getLong(1),
          rs.getObject(2, UUID.class),
          rs.getString(3),
          rs.getString(4),
          rs.getString(5),
          rs.getString(6),
          rs.getObject(7, OffsetDateTime.class).toInstant(),
          rs.getString(8),
          rs.getString(9));
    }
  }

  @Inject
  @Channel("outbox")
  @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
  Emitter<String> emitter;

  @Inject EntityManager em;
  @Inject OutboxConfig config;
  @Inject MeterRegistry registry;

  @ConfigProperty(name = "quarkus.application.name")
  String application;

  private final Semaphore signal = new Semaphore(0);
  private final AtomicLong backlog = new AtomicLong();
  private final AtomicLong oldestUnsentEpochMs = new AtomicLong();
  private volatile boolean running;
  private volatile String lastError;
  private Thread worker;
  private Timer publishDelay;
  private URI source;

  void onStart(@Observes StartupEvent event) {
    source = URI.create("/fraudtip/" + application);
    Gauge.builder("outbox.backlog", backlog, AtomicLong::get)
        .description("Outbox rows not yet acknowledged by Kafka")
        .register(registry);
    Gauge.builder(
            "outbox.oldest.unsent.age.seconds", this, r -> r.oldestUnsentAge().toMillis() / 1e3)
        .description("Age of the oldest outbox row not yet acknowledged by Kafka")
        .register(registry);
    publishDelay =
        Timer.builder("outbox.publish.delay")
            .description("From the outbox row's creation to Kafka's acknowledgement")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    if (!config.relayEnabled()) {
      return;
    }
    running = true;
    worker = new Thread(this::run, "outbox-relay");
    worker.setDaemon(true);
    worker.start();
  }

  void onStop(@Observes ShutdownEvent event) throws InterruptedException {
    running = false;
    signal.release();
    if (worker != null) {
      worker.join(TimeUnit.SECONDS.toMillis(5));
    }
  }

  /** Asks the relay to look for rows now. Cheap; called after each commit that wrote the outbox. */
  public void wake() {
    signal.release();
  }

  /** Rows not yet acknowledged by Kafka, as of the last count (at most a second old). */
  public long backlog() {
    return backlog.get();
  }

  /** Age of the oldest row not yet acknowledged by Kafka; zero when there is none. */
  public Duration oldestUnsentAge() {
    long oldest = oldestUnsentEpochMs.get();
    return oldest == 0 ? Duration.ZERO : Duration.ofMillis(System.currentTimeMillis() - oldest);
  }

  /** The last failure to publish, or null once a batch went through again. */
  public String lastError() {
    return lastError;
  }

  private void run() {
    long backoffMs = 0;
    long nextStats = 0;
    long nextCleanup = 0;
    while (running) {
      try {
        if (backoffMs == 0) {
          signal.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        } else {
          Thread.sleep(backoffMs);
        }
        signal.drainPermits();
        int sent;
        do {
          sent = QuarkusTransaction.requiringNew().call(this::relayBatch);
        } while (sent == config.batchSize() && running);
        if (backoffMs > 0) {
          LOG.info("Outbox relay publishes again");
        }
        backoffMs = 0;
        lastError = null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        if (backoffMs == 0) {
          LOG.warnf("Outbox relay cannot publish, backing off: %s", rootMessage(e));
        }
        lastError = rootMessage(e);
        backoffMs =
            Math.min(Math.max(MIN_BACKOFF_MS, backoffMs * 2), config.maxBackoff().toMillis());
      }
      long now = System.currentTimeMillis();
      try {
        if (now >= nextStats) {
          nextStats = now + STATS_EVERY_MS;
          QuarkusTransaction.requiringNew().run(this::refreshStats);
        }
        if (now >= nextCleanup) {
          nextCleanup = now + CLEANUP_EVERY_MS;
          QuarkusTransaction.requiringNew().run(this::deletePublished);
        }
      } catch (RuntimeException e) {
        LOG.debugf("Outbox housekeeping failed: %s", rootMessage(e));
      }
    }
  }

  /**
   * Publishes one batch of unsent rows in the caller's transaction and waits for Kafka's
   * acknowledgement before marking them sent. The relay's own loop calls it in a new transaction
   * each time; it is public so that tests and tools can run relays side by side. That transaction
   * then commits without waiting for the disk (nothing else belongs in it).
   *
   * @return the number of rows published
   */
  public int relayBatch() {
    // Plain JDBC on the transaction's connection: the rows are read once and never changed
    // through the session, and one UPDATE text with an array serves every batch size. As managed
    // entities and a JPQL IN list (translated to SQL again on every call), the relay was a fifth
    // of intake-service's CPU in a profile at 100 tips/s.
    return em.unwrap(Session.class).doReturningWork(this::relayBatch);
  }

  private int relayBatch(Connection connection) throws SQLException {
    List<Row> batch = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(TAKE_UNSENT)) {
      select.setInt(1, config.batchSize());
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          batch.add(Row.of(rs));
        }
      }
    }
    if (batch.isEmpty()) {
      return 0;
    }
    CompletableFuture<?>[] acks = batch.stream().map(this::send).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(acks).get(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Kafka", e);
    } catch (Exception e) {
      // Rolled back: the rows stay unsent and are taken again; any that did reach Kafka are
      // duplicates that consumers drop by event id.
      throw new IllegalStateException("Kafka did not acknowledge the batch", e);
    }
    Instant now = Instant.now();
    // A mark lost in a database crash only publishes the rows again (consumers dedupe on the event
    // id), so it need not wait for its commit to reach the disk: one fsync less for each batch.
    try (Statement local = connection.createStatement();
        PreparedStatement mark = connection.prepareStatement(MARK_SENT)) {
      local.execute("SET LOCAL synchronous_commit = off");
      mark.setObject(1, now.atOffset(ZoneOffset.UTC));
      mark.setArray(2, connection.createArrayOf("bigint", batch.stream().map(Row::id).toArray()));
      mark.executeUpdate();
    }
    for (Row e : batch) {
      publishDelay.record(Duration.between(e.createdAt(), now));
    }
    return batch.size();
  }

  private static Headers contentType() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.JSON.getBytes(StandardCharsets.UTF_8));
    headers.setReadOnly();
    return headers;
  }

  private CompletableFuture<Void> send(Row event) {
    CompletableFuture<Void> acked = new CompletableFuture<>();
    Metadata metadata =
        Metadata.of(
            OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic())
                .withKey(event.recordKey())
                .withHeaders(CONTENT_TYPE)
                .build(),
            OutgoingCloudEventMetadata.builder()
                .withId(event.eventId().toString())
                .withType(event.eventType())
                .withSource(source)
                .withTimestamp(event.createdAt().atZone(ZoneOffset.UTC))
                .build());
    if (event.traceParent() != null) {
      // The Kafka producer span (and the record's traceparent header) become children of the
      // span that wrote the row, not of whatever this thread is doing.
      var parent = TraceContexts.parentOf(event.traceParent(), event.traceState());
      metadata = metadata.with(TracingMetadata.with(parent, parent));
    }
    Message<String> message =
        Message.of(
            event.payload(),
            metadata,
            () -> {
              acked.complete(null);
              return CompletableFuture.completedFuture(null);
            },
            failure -> {
              acked.completeExceptionally(failure);
              return CompletableFuture.completedFuture(null);
            });
    try {
      emitter.send(message);
    } catch (RuntimeException e) {
      acked.completeExceptionally(e);
    }
    return acked;
  }

  /**
   * Counts the unsent rows and finds the oldest, in the caller's transaction (the relay's loop does
   * it every second); public for tests.
   */
  public void refreshStats() {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT count(*), min(created_at) FROM outbox_event WHERE published_at IS NULL")
                .getSingleResult();
    backlog.set(((Number) row[0]).longValue());
    oldestUnsentEpochMs.set(row[1] == null ? 0 : Timestamps.fromColumn(row[1]).toEpochMilli());
  }

  /**
   * Deletes the rows published longer ago than the retention, in the caller's transaction (the
   * relay's loop does it every minute); public for tests.
   *
   * @return the number of rows deleted
   */
  public int deletePublished() {
    return em.createQuery("DELETE FROM OutboxEvent e WHERE e.publishedAt < :before")
        .setParameter("before", Instant.now().minus(config.retention()))
        .executeUpdate();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = Causes.root(e);
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}

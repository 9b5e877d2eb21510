package io.fraudtip.loadtests;

import com.sun.net.httpserver.HttpServer;
import io.fraudtip.localstack.infra.PostgresServer;
import io.fraudtip.localstack.stack.LocalStack;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the machine can do without the platform, measured on the same stack in the same run: Kafka's
 * own producer benchmark, a bare PostgreSQL insert and a bare 1,000-key lookup, and a bare Kafka
 * round trip followed by one HTTP POST. (The trivial endpoint is a wrk ladder.)
 */
final class Ceilings {
  private static final Pattern PERF =
      Pattern.compile(
          "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg"
              + " latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms"
              + " 99th");

  private final BenchStack stack;
  private final double scale;

  Ceilings(BenchStack stack, double scale) {
    this.stack = stack;
    this.scale = scale;
  }

  /** Kafka's ProducerPerformance (kafka-tools) as a child JVM, 1 KiB records, acks=all. */
  Map<String, Double> kafkaProducer() throws Exception {
    String topic = "bench.producer-performance";
    createTopic(topic);
    long records = Math.max(20_000, Math.round(200_000 * scale));
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            "org.apache.kafka.tools.ProducerPerformance",
            "--topic",
            topic,
            "--num-records",
            Long.toString(records),
            "--record-size",
            "1024",
            "--throughput",
            "-1",
            "--producer-props",
            "bootstrap.servers=" + stack.kafkaBootstrapServers(),
            "acks=all",
            "enable.idempotence=true",
            "linger.ms=1");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String last = null;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        System.out.println("[producer-performance] " + line);
        Matcher m = PERF.matcher(line);
        if (m.find()) {
          last = line;
        }
      }
    }
    p.waitFor(5, TimeUnit.MINUTES);
    if (last == null) {
      throw new IllegalStateException("ProducerPerformance printed no summary");
    }
    Matcher m = PERF.matcher(last);
    m.find();
    return Map.of(
        "records", Double.parseDouble(m.group(1)),
        "recordsPerSecond", Double.parseDouble(m.group(2)),
        "mbPerSecond", Double.parseDouble(m.group(3)),
        "p50Ms", Double.parseDouble(m.group(6)),
        "p99Ms", Double.parseDouble(m.group(8)));
  }

  /**
   * Bare PostgreSQL inserts: {@code threads} connections, each committing one small row (a UUID, a
   * JSON text, a time) per transaction, as fast as they can for {@code seconds}.
   */
  Map<String, Double> postgresInsert(int threads, int seconds) throws Exception {
    PostgresServer pg = stack.postgres();
    pg.ensureDatabase("bench");
    String url = pg.jdbcUrl("bench");
    try (Connection c = connect(url);
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS bench_row");
      s.execute(
          "CREATE TABLE bench_row (id uuid PRIMARY KEY, payload text NOT NULL,"
              + " created_at timestamptz NOT NULL DEFAULT now())");
    }
    Latencies latencies = new Latencies();
    AtomicLong inserted = new AtomicLong();
    String payload = "{\"channel\":\"WEB\",\"description\":\"" + "x".repeat(400) + "\"}";
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<java.util.concurrent.Future<?>> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      running.add(
          pool.submit(
              () -> {
                try (Connection c = connect(url);
                    PreparedStatement ps =
                        c.prepareStatement("INSERT INTO bench_row (id, payload) VALUES (?, ?)")) {
                  while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    ps.setObject(1, UUID.randomUUID());
                    ps.setString(2, payload);
                    ps.executeUpdate();
                    latencies.add((System.nanoTime() - t0) / 1000);
                    inserted.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (var f : running) {
      f.get();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return Map.of(
        "threads",
        (double) threads,
        "insertsPerSecond",
        inserted.get() / elapsed,
        "p50Ms",
        latencies.percentileMillis(50),
        "p99Ms",
        latencies.percentileMillis(99));
  }

  /**
   * A bare lookup of 1,000 keys in one statement (the shape of the watchlist batch) against the
   * rows of {@link #postgresInsert}: half of the keys present, half not.
   */
  Map<String, Double> postgresLookup1000(int rounds) throws SQLException {
    String url = stack.postgres().jdbcUrl("bench");
    Latencies latencies = new Latencies();
    try (Connection c = connect(url)) {
      List<UUID> present = new ArrayList<>();
      try (Statement s = c.createStatement();
          var rs = s.executeQuery("SELECT id FROM bench_row LIMIT 500")) {
        while (rs.next()) {
          present.add((UUID) rs.getObject(1));
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT r.id, r.payload, r.created_at FROM unnest(?::uuid[]) AS q(id)"
                  + " JOIN bench_row r ON r.id = q.id")) {
        for (int i = 0; i < rounds; i++) {
          Object[] keys = new Object[1000];
          for (int k = 0; k < keys.length; k++) {
            keys[k] = k < present.size() ? present.get(k) : UUID.randomUUID();
          }
          long t0 = System.nanoTime();
          ps.setArray(1, c.createArrayOf("uuid", keys));
          try (var rs = ps.executeQuery()) {
            while (rs.next()) {
              rs.getString(2);
            }
          }
          latencies.add((System.nanoTime() - t0) / 1000);
        }
      }
    }
    return Map.of(
        "rounds", (double) rounds,
        "p50Ms", latencies.percentileMillis(50),
        "p99Ms", latencies.percentileMillis(99));
  }

  /**
   * A bare Kafka round trip plus one HTTP POST, at a fixed rate: a producer (acks=all, idempotent,
   * linger 1 ms, like the outbox relay) sends, a consumer (default fetch settings, like the
   * services) receives and POSTs the record to a local HTTP server; latency is from send to the
   * server having read the body.
   */
  Map<String, Double> kafkaRoundTripPlusPost(int perSecond, int seconds) throws Exception {
    String topic = "bench.round-trip";
    createTopic(topic);
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    Latencies latencies = new Latencies();
    HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
    sink.setExecutor(Executors.newFixedThreadPool(8));
    sink.createContext(
        "/",
        exchange -> {
          try (exchange) {
            String key =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Long sent = sentAt.remove(key);
            if (sent != null) {
              latencies.add((System.nanoTime() - sent) / 1000);
            }
            exchange.sendResponseHeaders(200, -1);
          }
        });
    sink.start();
    URI target = URI.create("http://127.0.0.1:" + sink.getAddress().getPort() + "/hook");
    // HTTP/1.1 as the services' webhook client sends, and each POST sent without waiting for the
    // one before (as the dispatcher does): a blocking send per record, with an h2c upgrade attempt
    // on each new connection, made this "ceiling" the instrument's own queue (p50 0.4-1.2 s).
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    AtomicBoolean running = new AtomicBoolean(true);
    CountDownLatch assigned = new CountDownLatch(1);
    Thread consumerThread =
        new Thread(
            () -> {
              Properties props = new Properties();
              props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
              props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-round-trip");
              props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
              props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
              props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
              try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
                consumer.subscribe(List.of(topic));
                while (running.get()) {
                  var records = consumer.poll(Duration.ofMillis(100));
                  if (!consumer.assignment().isEmpty()) {
                    assigned.countDown();
                  }
                  for (ConsumerRecord<String, String> r : records) {
                    // A failed POST is counted as missing.
                    http.sendAsync(
                        HttpRequest.newBuilder(target)
                            .timeout(Duration.ofSeconds(5))
                            .POST(HttpRequest.BodyPublishers.ofString(r.key()))
                            .build(),
                        HttpResponse.BodyHandlers.discarding());
                  }
                }
              }
            },
            "bench-round-trip-consumer");
    consumerThread.start();
    assigned.await(60, TimeUnit.SECONDS);
    Thread.sleep(1000);
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    int total = perSecond * seconds;
    String value = "x".repeat(1024);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      long start = System.nanoTime();
      long interval = 1_000_000_000L / perSecond;
      for (int i = 0; i < total; i++) {
        long due = start + i * interval;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        String key = UUID.randomUUID().toString();
        sentAt.put(key, System.nanoTime());
        producer.send(new ProducerRecord<>(topic, key, value));
      }
      producer.flush();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (latencies.count() < total && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    running.set(false);
    consumerThread.join(5000);
    sink.stop(0);
    return Map.of(
        "sent", (double) total,
        "received", (double) latencies.count(),
        "perSecond", (double) perSecond,
        "p50Ms", latencies.percentileMillis(50),
        "p99Ms", latencies.percentileMillis(99));
  }

  private void createTopic(String topic) throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
      if (!admin.listTopics().names().get().contains(topic)) {
        admin
            .createTopics(List.of(new NewTopic(topic, LocalStack.PARTITIONS, (short) 1)))
            .all()
            .get();
      }
    }
  }

  private static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
  }
}

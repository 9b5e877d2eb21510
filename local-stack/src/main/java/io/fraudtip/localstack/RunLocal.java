package io.fraudtip.localstack;

import io.fraudtip.contracts.places.AdminDivisions;
import io.fraudtip.localstack.demo.Demo;
import io.fraudtip.localstack.demo.Platform;
import io.fraudtip.localstack.infra.ExistingKafka;
import io.fraudtip.localstack.infra.PostgresServer;
import io.fraudtip.localstack.infra.ScratchDirectories;
import io.fraudtip.localstack.security.KnownUnits;
import io.fraudtip.localstack.security.SigningKeys;
import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.localstack.stack.LocalStack;
import io.fraudtip.localstack.stack.Service;
import io.fraudtip.localstack.stack.StackException;
import io.fraudtip.localstack.stack.StackSettings;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** {@code ./run-local}: the whole platform on this machine until Ctrl-C. */
public final class RunLocal {
  static final String USAGE =
      """
      Usage: ./run-local [options]            start the platform; Ctrl-C stops it
             ./run-local token operator       print a token for an operator
             ./run-local token police UNIT    print a token for a police unit (e.g. PA05-66,
                                              CAX-00004: any unit of the data or of the
                                              running case-service)
             ./run-local token bank BIN       print a token for a bank (e.g. 970436)
             ./run-local token reporter-client NAME
                                              print a token for a trusted reporting app
                                              (token ... --home DIR: keys of another home,
                                               e.g. .compose for docker compose)

      Options:
        --clean                 start with empty data (deletes the stack's home first; an
                                existing PostgreSQL or Kafka given below is left as it is)
        --demo                  once started, play story 1 (tip -> bank alert -> freeze -> money
                                followed), print its timeline, then time 100 tips to their bank
                                alert; the platform keeps running afterwards
        --home DIR              where data, logs, keys and stack.json live (default .local-stack)
        --intake-port N         intake-service HTTP port (default 8081)
        --case-port N           case-service HTTP port (default 8082)
        --notification-port N   notification-service HTTP port (default 8083)
        --kafka-port N          Kafka broker port (default 19092)
        --postgres-port N       PostgreSQL port (default 15432)
        --bank-port N           the demo bank's webhook receiver port (default 8090)
        --postgres-url URL      use an existing PostgreSQL instead of starting one, e.g.
                                postgresql://fraudtip:secret@db.team.lan:5432 (or a
                                jdbc:postgresql:// URL; no user in it: postgres, password
                                from PGPASSWORD); the role must be able to create the
                                databases intake, cases and notification (or they exist);
                                the server must commit durably (synchronous_commit, fsync on)
        --kafka HOST:PORT[,...] use an existing Kafka cluster instead of starting a broker;
                                missing topics are created with 3 partitions
        -h, --help              this text
      """;

  /** Settings every service gets on a local machine (the demo bank listens on loopback). */
  static final Map<String, String> LOCAL_USE = Map.of("FRAUDTIP_WEBHOOKS_ALLOW_LOCAL_URLS", "true");

  private RunLocal() {}

  public static void main(String[] args) {
    PrintStream out = System.out;
    quietInfrastructureLogs();
    try {
      System.exit(run(Path.of(System.getProperty("fraudtip.repository", ".")), List.of(args), out));
    } catch (UsageException e) {
      System.err.println("run-local: " + e.getMessage());
      System.err.println();
      System.err.print(USAGE);
      System.exit(2);
    } catch (StackException e) {
      System.err.println("run-local: " + e.getMessage());
      System.exit(1);
    } catch (RuntimeException | Error e) {
      System.err.println("run-local: unexpected failure, please report it");
      e.printStackTrace();
      System.exit(1);
    }
  }

  /** Kafka and PostgreSQL log through java.util.logging; only their errors reach the console. */
  private static void quietInfrastructureLogs() {
    java.util.logging.Logger root = java.util.logging.LogManager.getLogManager().getLogger("");
    root.setLevel(java.util.logging.Level.WARNING);
    for (java.util.logging.Handler h : root.getHandlers()) {
      h.setLevel(java.util.logging.Level.SEVERE);
    }
  }

  static int run(Path repository, List<String> args, PrintStream out) {
    repository = repository.toAbsolutePath().normalize();
    if (!args.isEmpty() && args.get(0).equals("token")) {
      List<String> rest = new java.util.ArrayList<>(args.subList(1, args.size()));
      Path home = repository.resolve(".local-stack");
      int at = rest.indexOf("--home");
      if (at >= 0) {
        if (at + 1 >= rest.size()) {
          throw new UsageException("--home needs a value");
        }
        home = repository.resolve(rest.get(at + 1));
        rest.subList(at, at + 2).clear();
      }
      out.println(token(home, rest));
      return 0;
    }
    Options options = Options.parse(repository, args);
    if (options.help) {
      out.print(USAGE);
      return 0;
    }
    if (options.clean) {
      deleteTree(options.settings.home());
      out.println("Cleaned " + options.settings.home());
    }
    LocalStack stack = LocalStack.start(options.settings, line -> out.println("  " + line));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("\nStopping the platform...");
                  stack.close();
                  out.println("Stopped. Data kept in " + options.settings.home());
                  stopped.countDown();
                },
                "run-local-stop"));
    printSummary(stack, out);
    if (options.demo) {
      Demo.play(Platform.of(stack), LocalStack.BANKS, out);
      out.println();
      out.println("The platform keeps running: explore it (README), Ctrl-C stops everything.");
    }
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static void printSummary(LocalStack stack, PrintStream out) {
    out.println();
    out.println("The fraud-tip platform is running.");
    for (Service s : Service.values()) {
      out.printf(
          "  %-22s %s   (Swagger UI: %s/q/swagger-ui)%n",
          s.module(), stack.baseUrl(s), stack.baseUrl(s));
    }
    out.println("  Kafka                  " + stack.kafkaBootstrapServers());
    out.println(
        "  PostgreSQL             "
            + stack.postgres().host()
            + ":"
            + stack.postgres().port()
            + " ("
            + stack.postgres().user()
            + (stack.postgres().isOurs() ? "/" + stack.postgres().password() + ")" : ", yours)"));
    out.println();
    out.println(
        "Tokens (all of them, for every seeded unit and bank, in " + stack.stackJson() + "):");
    out.println("  operator     " + stack.tokens().operator("operator@local"));
    String unit = "PA05-66";
    out.println("  police " + unit + " " + stack.tokens().police(unit));
    String bank = LocalStack.BANKS.get(0);
    out.println("  bank " + bank + "  " + stack.tokens().bank(bank));
    out.println();
    out.println("Logs: " + stack.settings().home().resolve("logs") + "   Ctrl-C stops everything.");
  }

  static String token(Path home, List<String> args) {
    if (!Files.exists(home.resolve("keys").resolve(SigningKeys.PUBLIC_KEY_FILE))) {
      throw new StackException(
          "no signing keys in " + home + ": start the platform once with ./run-local first");
    }
    Tokens tokens = new Tokens(SigningKeys.loadOrCreate(home.resolve("keys")), Tokens.MAX_AGE);
    if (args.size() == 1 && args.get(0).equals("operator")) {
      return tokens.operator("operator@local");
    }
    if (args.size() == 2 && args.get(0).equals("police")) {
      String unit = args.get(1);
      if (!new KnownUnits(AdminDivisions.bundled()).inData(unit)
          && !KnownUnits.inRunningStack(
              home.resolve("stack.json"), unit, tokens.operator("operator@local"))) {
        throw new UsageException(
            "no police unit "
                + unit
                + ": not in the administrative data (BCA, A05, C02, CAT-/PA05-/PC02-<province>,"
                + " CAX-<commune>) nor in a running case-service");
      }
      return tokens.police(unit);
    }
    if (args.size() == 2 && args.get(0).equals("bank")) {
      return tokens.bank(args.get(1));
    }
    if (args.size() == 2 && args.get(0).equals("reporter-client")) {
      return tokens.reporterClient(args.get(1));
    }
    throw new UsageException(
        "token takes: operator | police UNIT | bank BIN | reporter-client NAME");
  }

  private static void deleteTree(Path dir) {
    try {
      ScratchDirectories.delete(dir);
    } catch (UncheckedIOException e) {
      throw new StackException(e.getMessage() + ": " + e.getCause().getMessage(), e);
    }
  }

  /** A command line that does not parse; the message says why. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }

  /** The parsed command line. */
  static final class Options {
    StackSettings settings;
    boolean clean;
    boolean demo;
    boolean help;

    static Options parse(Path repository, List<String> args) {
      Options o = new Options();
      StackSettings defaults = StackSettings.defaults(repository);
      Map<Service, Integer> ports = new EnumMap<>(defaults.ports());
      int kafkaPort = defaults.kafkaPort();
      int postgresPort = defaults.postgresPort();
      int bankPort = defaults.demoBankPort();
      Path home = defaults.home();
      PostgresServer.ServerAddress existingPostgres = null;
      String existingKafka = null;
      Iterator<String> it = args.iterator();
      while (it.hasNext()) {
        String arg = it.next();
        switch (arg) {
          case "--clean" -> o.clean = true;
          case "--demo" -> o.demo = true;
          case "-h", "--help" -> o.help = true;
          case "--home" -> home = repository.resolve(value(arg, it));
          case "--intake-port" -> ports.put(Service.INTAKE, port(arg, it));
          case "--case-port" -> ports.put(Service.CASES, port(arg, it));
          case "--notification-port" -> ports.put(Service.NOTIFICATION, port(arg, it));
          case "--kafka-port" -> kafkaPort = port(arg, it);
          case "--postgres-port" -> postgresPort = port(arg, it);
          case "--bank-port" -> bankPort = port(arg, it);
          case "--postgres-url" -> existingPostgres = postgresUrl(arg, it);
          case "--kafka" -> existingKafka = kafka(arg, it);
          default -> throw new UsageException("unknown argument '" + arg + "'");
        }
      }
      o.settings =
          new StackSettings(
              repository,
              home,
              ports,
              kafkaPort,
              postgresPort,
              bankPort,
              new HashMap<>(LOCAL_USE),
              existingPostgres,
              existingKafka);
      return o;
    }

    private static PostgresServer.ServerAddress postgresUrl(String option, Iterator<String> it) {
      try {
        return PostgresServer.ServerAddress.parse(value(option, it), System.getenv());
      } catch (IllegalArgumentException e) {
        throw new UsageException(option + ": " + e.getMessage());
      }
    }

    private static String kafka(String option, Iterator<String> it) {
      String v = value(option, it);
      try {
        return new ExistingKafka(v).bootstrapServers();
      } catch (IllegalArgumentException e) {
        throw new UsageException(option + ": " + e.getMessage());
      }
    }

    private static String value(String option, Iterator<String> it) {
      if (!it.hasNext()) {
        throw new UsageException(option + " needs a value");
      }
      return it.next();
    }

    private static int port(String option, Iterator<String> it) {
      String v = value(option, it);
      try {
        int port = Integer.parseInt(v);
        if (port < 1 || port > 65535) {
          throw new NumberFormatException();
        }
        return port;
      } catch (NumberFormatException e) {
        throw new UsageException(option + " takes a port number (1-65535), not '" + v + "'");
      }
    }
  }
}

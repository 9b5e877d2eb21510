package io.fraudtip.localstack.stack;

/** The platform's services as the local stack runs them. */
public enum Service {
  INTAKE("intake", "intake-service", "intake", 8081),
  CASES("cases", "case-service", "cases", 8082),
  NOTIFICATION("notification", "notification-service", "notification", 8083);

  private final String key;
  private final String module;
  private final String database;
  private final int defaultPort;

  Service(String key, String module, String database, int defaultPort) {
    this.key = key;
    this.module = module;
    this.database = database;
    this.defaultPort = defaultPort;
  }

  /** The name in {@code stack.json} and on the command line. */
  public String key() {
    return key;
  }

  /** The Maven module, which is also the application name. */
  public String module() {
    return module;
  }

  public String database() {
    return database;
  }

  public int defaultPort() {
    return defaultPort;
  }
}

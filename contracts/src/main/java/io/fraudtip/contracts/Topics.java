package io.fraudtip.contracts;

/**
 * Kafka topic names. The schema version is part of the name: a change that breaks a consumer is a
 * new topic.
 */
public final class Topics {
  /** Accepted tips, keyed by tip id. Produced by intake-service. */
  public static final String TIPS_V1 = "tips.v1";

  /** Case life-cycle events, keyed by case id. Produced by case-service. */
  public static final String CASES_V1 = "cases.v1";

  /** Banks' answers to alerts, keyed by alert id. Produced by notification-service. */
  public static final String ALERT_RESPONSES_V1 = "alert-responses.v1";

  /**
   * First successful delivery of each alert to its bank, keyed by alert id. Produced by
   * notification-service, consumed by case-service (timeline and statistics).
   */
  public static final String ALERT_DELIVERIES_V1 = "alert-deliveries.v1";

  /**
   * Changes of the operators' allow-list, keyed by {@code TYPE|value}. Produced by case-service,
   * consumed by notification-service (no alert for an allow-listed account).
   */
  public static final String ALLOW_LIST_V1 = "allow-list.v1";

  /** Suffix of the dead-letter topic each consumer group writes poison records to. */
  public static final String DEAD_LETTER_SUFFIX = ".dlt";

  private Topics() {}

  /**
   * The dead-letter topic of one consumer group for one topic, e.g. {@code
   * tips.v1.case-service.dlt}.
   */
  public static String deadLetter(String topic, String consumerGroup) {
    return topic + "." + consumerGroup + DEAD_LETTER_SUFFIX;
  }
}

package io.fraudtip.contracts;

/**
 * CloudEvents 1.0 binary-mode Kafka headers, as the SmallRye Kafka connector reads and writes them,
 * and the event types and sources of the platform.
 */
public final class CloudEvents {
  public static final String SPEC_VERSION = "1.0";

  public static final String HEADER_SPEC_VERSION = "ce_specversion";
  public static final String HEADER_ID = "ce_id";
  public static final String HEADER_TYPE = "ce_type";
  public static final String HEADER_SOURCE = "ce_source";
  public static final String HEADER_TIME = "ce_time";
  public static final String HEADER_SUBJECT = "ce_subject";
  public static final String HEADER_CONTENT_TYPE = "content-type";
  public static final String JSON = "application/json";

  public static final String SOURCE_INTAKE = "/fraudtip/intake-service";
  public static final String SOURCE_CASES = "/fraudtip/case-service";
  public static final String SOURCE_NOTIFICATION = "/fraudtip/notification-service";

  /** Type of the single event on {@link Topics#TIPS_V1}. */
  public static final String TYPE_TIP_RECEIVED = "io.fraudtip.tip.received.v1";

  /**
   * Prefix of the case event types on {@link Topics#CASES_V1}; the suffix is the lower-case kind.
   */
  public static final String TYPE_CASE_PREFIX = "io.fraudtip.case.";

  /** Type of the single event on {@link Topics#ALERT_RESPONSES_V1}. */
  public static final String TYPE_ALERT_RESPONSE = "io.fraudtip.alert.response.v1";

  /** Type of the single event on {@link Topics#ALERT_DELIVERIES_V1}. */
  public static final String TYPE_ALERT_DELIVERED = "io.fraudtip.alert.delivered.v1";

  /** Type of the single event on {@link Topics#ALLOW_LIST_V1}. */
  public static final String TYPE_ALLOW_LIST_CHANGED = "io.fraudtip.allow-list.changed.v1";

  private CloudEvents() {}
}

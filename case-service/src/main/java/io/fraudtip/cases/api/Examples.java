package io.fraudtip.cases.api;

/** OpenAPI examples of the HTTP API, as constants for the resources' annotations. */
public final class Examples {
  private Examples() {}

  /** The allow-list as read: a bank's hotline and its domain. */
  public static final String ALLOW_LIST =
      "[{\"type\":\"PHONE\",\"value\":\"+841900545413\","
          + "\"reason\":\"Vietcombank hotline\"},"
          + "{\"type\":\"DOMAIN\",\"value\":\"vietcombank.com.vn\","
          + "\"reason\":\"Vietcombank\"}]";

  /** A bank's hotline to allow-list, as people write it. */
  public static final String ALLOW_LIST_HOTLINE =
      "{\"type\":\"PHONE\",\"value\":\"1900 545 413\","
          + "\"reason\":\"Tổng đài chăm sóc khách hàng Vietcombank\"}";

  /** A bank's own domain to allow-list. */
  public static final String ALLOW_LIST_BANK_DOMAIN =
      "{\"type\":\"DOMAIN\",\"value\":\"vpbank.com.vn\","
          + "\"reason\":\"Tên miền chính thức của VPBank\"}";
}

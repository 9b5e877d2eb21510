package io.fraudtip.notification.api;

/**
 * The OpenAPI text of the filters and paging the alert and delivery lists share (their {@code
 * state} filters differ), so that the two lists document them alike.
 */
public final class ListParams {
  private ListParams() {}

  /** The response header naming the next page. */
  public static final String NEXT_CURSOR = "Next-Cursor";

  public static final String TYPE =
      "Only this event type (account.reported, case.linked, account.traced, freeze.requested,"
          + " case.confirmed, alert.retracted, hold.extended, hold.lifted, hold.expired,"
          + " endpoint.disabled); another value is a 400 naming the field";
  public static final String TYPE_EXAMPLE = "account.reported";

  public static final String ACCOUNT =
      "Only alerts about this account number, typed as the bank likes (spaces, dots and dashes"
          + " are dropped); not 4 to 30 digits and letters is a 400";
  public static final String ACCOUNT_EXAMPLE = "0071000123456";

  public static final String SINCE =
      "Only rows created at or after this ISO-8601 instant; another form is a 400";
  public static final String SINCE_EXAMPLE = "2026-11-29T00:00:00Z";

  public static final String CURSOR =
      "The Next-Cursor header of the previous page, unchanged, with the same filters: the page"
          + " after it. Pages follow a stable order, newest first by (createdAt, id), so rows"
          + " written meanwhile never shift a page. A cursor this list did not give is a 400";
  public static final String CURSOR_EXAMPLE =
      "MXwyMDI2LTExLTI5VDA4OjE0OjEzLjEyMzQ1Nlp8MDE5M2YxYzktN2UyYS03YzNiLTlhNDEtNWYwZThkMmM2YjEx";

  public static final String LIMIT = "Rows per page, 1 to 1000";

  public static final String PAGE =
      "A page, newest first. The Next-Cursor header, present while more rows follow, asks for"
          + " the next page";
  public static final String NEXT_CURSOR_TEXT =
      "Pass as cursor for the next page; absent on the last page";
}

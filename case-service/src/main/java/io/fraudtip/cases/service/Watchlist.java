package io.fraudtip.cases.service;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.fraudtip.cases.rest.WatchlistViews.Item;
import io.fraudtip.cases.rest.WatchlistViews.Result;
import io.fraudtip.cases.rest.WatchlistViews.RiskLevel;
import io.fraudtip.contracts.cases.CaseStatus;
import io.fraudtip.contracts.tips.IdentifierType;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The watchlist check, on the hot path of banks' transfers: one indexed query per batch (the
 * identifiers go in as two arrays joined on the unique (type, value) key), no ORM, no transaction
 * beyond the statement.
 */
@ApplicationScoped
public class Watchlist {
  private static final String CHECK =
      "SELECT i.type, i.value, i.report_count, i.identified_reports, i.layer,"
          + " i.first_reported_at, c.reference, c.status, c.closure"
          + " FROM unnest(?::text[], ?::text[]) AS q(type, value)"
          + " JOIN case_identifier i ON i.type = q.type AND i.value = q.value"
          + " JOIN fraud_case c ON c.id = i.case_id"
          + " WHERE i.delisted_at IS NULL AND (c.closure IS NULL OR c.closure <> 'UNFOUNDED')";

  private final DataSource dataSource;

  Watchlist(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Checks identifiers.
   *
   * @param withCases whether to name the cases (banks and police)
   * @return one result per item, in order
   */
  public List<Result> check(List<Item> items, boolean withCases) {
    String[] types = new String[items.size()];
    String[] values = new String[items.size()];
    for (int i = 0; i < items.size(); i++) {
      types[i] = items.get(i).type().name();
      values[i] = canonical(items.get(i).type(), items.get(i).value());
    }
    Map<String, Result> found = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(CHECK)) {
      Array typeArray = c.createArrayOf("text", types);
      Array valueArray = c.createArrayOf("text", values);
      s.setArray(1, typeArray);
      s.setArray(2, valueArray);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          IdentifierType type = IdentifierType.valueOf(rs.getString(1));
          String value = rs.getString(2);
          int reports = rs.getInt(3);
          int identified = rs.getInt(4);
          int layer = rs.getInt(5);
          Timestamp first = rs.getTimestamp(6);
          CaseStatus status = CaseStatus.valueOf(rs.getString(8));
          String closure = rs.getString(9);
          found.put(
              type.name() + "|" + value,
              new Result(
                  type,
                  value,
                  true,
                  reports,
                  first == null ? null : first.toInstant(),
                  risk(reports, identified, layer, "CONFIRMED".equals(closure)),
                  withCases ? rs.getString(7) : null,
                  withCases ? status : null));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("watchlist check failed", e);
    }
    List<Result> results = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Result r = found.get(types[i] + "|" + values[i]);
      results.add(
          r != null
              ? r
              : new Result(
                  items.get(i).type(), values[i], false, 0, null, RiskLevel.NONE, null, null));
    }
    return results;
  }

  static RiskLevel risk(int reports, int identified, int layer, boolean confirmed) {
    if (confirmed || reports >= 3) {
      return RiskLevel.HIGH;
    }
    if (reports >= 2 || identified > 0 || layer > 1) {
      return RiskLevel.MEDIUM;
    }
    return RiskLevel.LOW;
  }

  /** The canonical form intake stores identifiers in, for values typed by people. */
  static String canonical(IdentifierType type, String raw) {
    String value = raw.trim();
    return switch (type) {
      case PHONE -> phone(value);
      case BANK_ACCOUNT -> value.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
      case DOMAIN -> value.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
      default -> value;
    };
  }

  private static String phone(String value) {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    try {
      var number = util.parse(value, "VN");
      return util.isPossibleNumber(number)
          ? util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)
          : value;
    } catch (NumberParseException e) {
      return value;
    }
  }
}

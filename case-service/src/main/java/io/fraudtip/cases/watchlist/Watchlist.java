package io.fraudtip.cases.watchlist;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.fraudtip.cases.api.WatchlistViews.Item;
import io.fraudtip.cases.api.WatchlistViews.Result;
import io.fraudtip.cases.api.WatchlistViews.RiskLevel;
import io.fraudtip.cases.config.WatchlistConfig;
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
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The watchlist check, on the hot path of banks' transfers: one indexed query per batch (the
 * identifiers go in as two arrays joined on the unique (type, value) key), no ORM, no transaction
 * beyond the statement. Answers per identifier are kept for a couple of seconds (see {@link
 * WatchlistConfig#cacheTtl()}): banks screen the same accounts again and again, and the database
 * round trip is most of the cost of a check.
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

  // Compiled once: String.replaceAll compiles its pattern on every call (a third of a check's
  // own time in the profile).
  private static final Pattern ACCOUNT_SEPARATORS = Pattern.compile("[\\s.\\-]");
  private static final Pattern TRAILING_DOT = Pattern.compile("\\.$");

  private final DataSource dataSource;

  /** Full answers (with case fields) by type|canonical value; null when the cache is off. */
  private final Cache<String, Result> recent;

  Watchlist(DataSource dataSource, WatchlistConfig config) {
    this.dataSource = dataSource;
    this.recent =
        config.cacheTtl().isZero()
            ? null
            : Caffeine.newBuilder()
                .expireAfterWrite(config.cacheTtl())
                .maximumSize(config.cacheSize())
                .build();
  }

  /**
   * Checks identifiers.
   *
   * @param withCases whether to name the cases (banks and police)
   * @return one result per item, in order
   */
  public List<Result> check(List<Item> items, boolean withCases) {
    String[] keys = new String[items.size()];
    Map<String, Result> found = new HashMap<>();
    List<String> types = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      IdentifierType type = items.get(i).type();
      String value = canonical(type, items.get(i).value());
      keys[i] = type.name() + "|" + value;
      Result cached = recent == null ? null : recent.getIfPresent(keys[i]);
      if (cached != null) {
        found.put(keys[i], cached);
      } else if (!found.containsKey(keys[i])) {
        found.put(keys[i], notListed(type, value));
        types.add(type.name());
        values.add(value);
      }
    }
    if (!types.isEmpty()) {
      Map<String, Result> fresh = query(types, values);
      for (int i = 0; i < types.size(); i++) {
        String key = types.get(i) + "|" + values.get(i);
        Result r = fresh.getOrDefault(key, found.get(key));
        found.put(key, r);
        if (recent != null) {
          recent.put(key, r);
        }
      }
    }
    List<Result> results = new ArrayList<>(items.size());
    for (String key : keys) {
      Result r = found.get(key);
      results.add(withCases || !r.listed() ? r : withoutCase(r));
    }
    return results;
  }

  private Map<String, Result> query(List<String> types, List<String> values) {
    Map<String, Result> found = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(CHECK)) {
      Array typeArray = c.createArrayOf("text", types.toArray());
      Array valueArray = c.createArrayOf("text", values.toArray());
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
                  rs.getString(7),
                  status));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("watchlist check failed", e);
    }
    return found;
  }

  private static Result notListed(IdentifierType type, String value) {
    return new Result(type, value, false, 0, null, RiskLevel.NONE, null, null);
  }

  /** What citizens see: no case reference, no case status. */
  private static Result withoutCase(Result r) {
    return new Result(
        r.type(), r.value(), true, r.reportCount(), r.firstReportedAt(), r.riskLevel(), null, null);
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
  public static String canonical(IdentifierType type, String raw) {
    String value = raw.trim();
    return switch (type) {
      case PHONE -> phone(value);
      case BANK_ACCOUNT ->
          ACCOUNT_SEPARATORS.matcher(value).replaceAll("").toUpperCase(Locale.ROOT);
      case DOMAIN -> TRAILING_DOT.matcher(value.toLowerCase(Locale.ROOT)).replaceAll("");
      case URL, SOCIAL_ACCOUNT, CRYPTO_WALLET, APP_PACKAGE -> value;
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

package io.fraudtip.cases.police;

import io.fraudtip.cases.api.CaseFilter;
import io.fraudtip.commons.db.ScalarRows;
import io.fraudtip.commons.identifiers.IdentifierNormaliser;
import io.fraudtip.commons.identifiers.TrackingCodeFormat;
import io.fraudtip.commons.problem.InvalidValue;
import io.fraudtip.commons.problem.ProblemMessages;
import io.fraudtip.commons.problem.Violations;
import io.fraudtip.commons.time.Timestamps;
import io.fraudtip.contracts.banks.BankDirectory;
import io.fraudtip.contracts.tips.IdentifierType;
import io.fraudtip.contracts.tips.IdentifierV1;
import io.fraudtip.contracts.tips.ScamType;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The police search: a {@link CaseFilter} as conditions on the unit's case list. An identifier is
 * looked up in the platform's normal form ({@link IdentifierNormaliser}: the form intake stored it
 * in), every way it can be read when its type is not given; a tracking code through the tips of the
 * case. Every bad parameter is named in one 400 answer.
 */
@ApplicationScoped
public class CaseSearch {
  /** Dates are Vietnam's days: a police officer's "1 October" starts at midnight in Hà Nội. */
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private static final Pattern REFERENCE = Pattern.compile("VN-[0-9A-F]{8}");
  private static final Pattern BARE_REFERENCE = Pattern.compile("[0-9A-F]{8}");
  private static final Pattern PROVINCE = Pattern.compile("\\d{2}");

  /** The tips holding a tracking code (indexed on the same expression, V1.13.0). */
  private static final String TIPS_BY_TRACKING_CODE =
      "SELECT DISTINCT case_id FROM case_tip WHERE (payload::jsonb ->> 'trackingCode') = :code";

  private final IdentifierNormaliser identifiers;
  private final BankDirectory banks;
  private final EntityManager em;

  CaseSearch(IdentifierNormaliser identifiers, BankDirectory banks, EntityManager em) {
    this.identifiers = identifiers;
    this.banks = banks;
    this.em = em;
  }

  /**
   * Adds the filter's conditions on {@code FraudCase} to a query.
   *
   * @return false when no case can match (no case holds the identifier or the tracking code)
   * @throws io.fraudtip.commons.problem.ProblemException 400 naming every bad parameter
   */
  public boolean narrow(CaseFilter f, StringBuilder q, Parameters params) {
    Violations v = new Violations(ProblemMessages.locale(f.acceptLanguage));
    List<IdentifierV1> readings = readings(f, v);
    String reference = reference(f.reference, v);
    String trackingCode = trackingCode(f.trackingCode, v);
    String province = blankToNull(f.province);
    if (province != null && !PROVINCE.matcher(province).matches()) {
      v.add("province", "province.invalid", Map.of("code", province));
    }
    ScamType scamType = scamType(f.scamType, v);
    Instant from = time(v, "openedFrom", f.openedFrom, false);
    Instant to = time(v, "openedTo", f.openedTo, true);
    if (from != null && to != null && !from.isBefore(to)) {
      v.add("openedTo", "time.range", Map.of());
    }
    v.throwIfAny();

    Set<UUID> cases = null;
    if (!readings.isEmpty()) {
      cases = holding(readings);
    }
    if (trackingCode != null) {
      Set<UUID> ofTip = tipCases(trackingCode);
      if (cases != null) {
        ofTip.retainAll(cases);
      }
      cases = ofTip;
    }
    if (cases != null) {
      if (cases.isEmpty()) {
        return false;
      }
      q.append(" and id in :cases");
      params.and("cases", cases);
    }
    if (reference != null) {
      q.append(" and reference = :reference");
      params.and("reference", reference);
    }
    if (province != null) {
      // A case with victims in several provinces is in each of them.
      q.append(" and id in (select t.caseId from CaseTip t where t.provinceCode = :province)");
      params.and("province", province);
    }
    if (scamType != null) {
      q.append(" and scamType = :scamType");
      params.and("scamType", scamType);
    }
    if (from != null) {
      q.append(" and openedAt >= :openedFrom");
      params.and("openedFrom", from);
    }
    if (to != null) {
      q.append(" and openedAt < :openedTo");
      params.and("openedTo", to);
    }
    return true;
  }

  private List<IdentifierV1> readings(CaseFilter f, Violations v) {
    String typed = blankToNull(f.identifier);
    String typeName = blankToNull(f.identifierType);
    if (typeName != null && typed == null) {
      v.add("identifier", "identifier.blank", Map.of());
      return List.of();
    }
    if (typed == null) {
      return List.of();
    }
    if (typeName == null) {
      return identifiers.readings(typed);
    }
    IdentifierType type;
    try {
      type = IdentifierType.valueOf(typeName.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      v.add(
          "identifierType",
          "identifier.type",
          Map.of("type", typeName, "types", Arrays.toString(IdentifierType.values())));
      return List.of();
    }
    try {
      return identifiers.normalise(type, typed);
    } catch (InvalidValue e) {
      v.add("identifier", e);
      return List.of();
    }
  }

  /** The cases holding any of the readings (a bare account number at any bank). */
  private Set<UUID> holding(List<IdentifierV1> readings) {
    Map<IdentifierType, Set<String>> byType = new LinkedHashMap<>();
    for (IdentifierV1 r : readings) {
      Set<String> values = byType.computeIfAbsent(r.type(), t -> new HashSet<>());
      if (r.type() == IdentifierType.BANK_ACCOUNT && r.bankBin() == null) {
        banks.all().forEach(b -> values.add(identifiers.bankAccount(b.bin(), r.value()).value()));
      } else {
        values.add(r.value());
      }
    }
    StringBuilder q = new StringBuilder("select distinct i.caseId from CaseIdentifier i where ");
    List<Object[]> binds = new ArrayList<>();
    int n = 0;
    for (Map.Entry<IdentifierType, Set<String>> e : byType.entrySet()) {
      q.append(n == 0 ? "" : " or ")
          .append("(i.type = :t")
          .append(n)
          .append(" and i.value in :v")
          .append(n)
          .append(")");
      binds.add(new Object[] {e.getKey(), e.getValue()});
      n++;
    }
    var query = em.createQuery(q.toString(), UUID.class);
    for (int i = 0; i < binds.size(); i++) {
      query.setParameter("t" + i, binds.get(i)[0]);
      query.setParameter("v" + i, binds.get(i)[1]);
    }
    return new HashSet<>(query.getResultList());
  }

  private Set<UUID> tipCases(String trackingCode) {
    return new HashSet<>(
        ScalarRows.uuids(
            em.createNativeQuery(TIPS_BY_TRACKING_CODE).setParameter("code", trackingCode)));
  }

  private static String reference(String typed, Violations v) {
    String s = blankToNull(typed);
    if (s == null) {
      return null;
    }
    s = s.toUpperCase(Locale.ROOT);
    if (BARE_REFERENCE.matcher(s).matches()) {
      s = "VN-" + s;
    }
    if (!REFERENCE.matcher(s).matches()) {
      v.add("reference", "reference.invalid", Map.of());
      return null;
    }
    return s;
  }

  /** Canonical as intake writes it. */
  private static String trackingCode(String typed, Violations v) {
    String s = blankToNull(typed);
    if (s == null) {
      return null;
    }
    String code = TrackingCodeFormat.canonical(s);
    if (!TrackingCodeFormat.valid(code)) {
      v.add("trackingCode", "trackingCode.invalid", Map.of());
      return null;
    }
    return code;
  }

  private static ScamType scamType(String typed, Violations v) {
    String s = blankToNull(typed);
    if (s == null) {
      return null;
    }
    try {
      return ScamType.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      v.add(
          "scamType",
          "scamType.unknown",
          Map.of("type", s, "types", Arrays.toString(ScamType.values())));
      return null;
    }
  }

  /** An instant, or a date: its start, or for an upper bound the start of the next day. */
  private static Instant time(Violations v, String field, String typed, boolean upper) {
    String s = blankToNull(typed);
    if (s == null) {
      return null;
    }
    try {
      // Within what PostgreSQL's timestamptz holds: a bound beyond it selects what it means.
      return Timestamps.asFilterBound(OffsetDateTime.parse(s).toInstant());
    } catch (DateTimeParseException notAnInstant) {
      try {
        LocalDate day = LocalDate.parse(s);
        return Timestamps.asFilterBound(
            (upper && day.isBefore(LocalDate.MAX) ? day.plusDays(1) : day)
                .atStartOfDay(VIETNAM)
                .toInstant());
      } catch (DateTimeException notADate) {
        v.add(field, "time.format", Map.of());
        return null;
      }
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}

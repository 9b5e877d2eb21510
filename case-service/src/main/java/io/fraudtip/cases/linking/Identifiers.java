package io.fraudtip.cases.linking;

import io.fraudtip.cases.routing.RoutingTables;
import io.fraudtip.commons.sql.PgArrays;
import io.fraudtip.contracts.banks.BankAccount;
import io.fraudtip.contracts.tips.IdentifierType;
import io.fraudtip.contracts.tips.IdentifierV1;
import io.fraudtip.contracts.tips.TipReceivedV1;
import io.fraudtip.contracts.tips.TransferV1;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The identifiers that link tips into cases: collected from a tip, filtered through the allow-list,
 * locked while a tip is linked, and looked up.
 */
@ApplicationScoped
public class Identifiers {
  private final EntityManager em;
  private final RoutingTables tables;

  Identifiers(EntityManager em, RoutingTables tables) {
    this.em = em;
    this.tables = tables;
  }

  /** An identifier named by a tip or traced from a bank's answer. */
  public record Candidate(
      IdentifierType type, String value, String bankBin, boolean foreign, int layer) {
    public String key() {
      return key(type, value);
    }

    public static String key(IdentifierType type, String value) {
      return type.name() + "|" + value;
    }

    /** A bank account as a {@code BIN:account} identifier. */
    public static Candidate account(String bankBin, String accountNumber, int layer) {
      return new Candidate(
          IdentifierType.BANK_ACCOUNT,
          new BankAccount(bankBin, accountNumber).value(),
          bankBin,
          false,
          layer);
    }
  }

  /** The tip's identifiers and the accounts it paid (as BANK_ACCOUNT), once each. */
  public static List<Candidate> of(TipReceivedV1 tip) {
    Map<String, Candidate> byKey = new LinkedHashMap<>();
    if (tip.identifiers() != null) {
      for (IdentifierV1 i : tip.identifiers()) {
        if (i == null || i.type() == null || i.value() == null || i.value().isBlank()) {
          continue;
        }
        Candidate c = new Candidate(i.type(), i.value(), i.bankBin(), i.foreign(), 1);
        byKey.putIfAbsent(c.key(), c);
      }
    }
    if (tip.transfers() != null) {
      for (TransferV1 t : tip.transfers()) {
        if (t == null || t.bankBin() == null || t.accountNumber() == null) {
          continue;
        }
        Candidate c = Candidate.account(t.bankBin(), t.accountNumber(), 1);
        byKey.putIfAbsent(c.key(), c);
      }
    }
    return List.copyOf(byKey.values());
  }

  /** Identifiers ready to link: locked, without the allow-listed, with the rows that hold them. */
  public record Linkable(List<Candidate> candidates, Map<String, CaseIdentifier> existing) {
    /**
     * The cases that hold any of them. Delisted identifiers link too: a new report of a disputed
     * identifier joins its case (for review), it does not vanish.
     */
    public List<java.util.UUID> caseIds() {
      return existing.values().stream().map(i -> i.caseId).toList();
    }
  }

  /**
   * Locks the candidates, then drops the allow-listed ones and finds those stored already. Locked
   * before the allow-list is read, so that an identifier allow-listed meanwhile is seen.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Linkable linkable(List<Candidate> candidates) {
    lock(candidates);
    List<Candidate> linking = withoutAllowListed(candidates);
    return new Linkable(linking, existing(linking));
  }

  /**
   * The candidates that are not on the allow-list (official numbers, banks' own domains), as this
   * transaction sees it (the list is held in memory; {@link RoutingTables#fresh} checks it is
   * current).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Candidate> withoutAllowListed(List<Candidate> candidates) {
    return candidates.isEmpty() ? candidates : without(candidates, allowList());
  }

  /** The allow-list as this transaction sees it, as {@code TYPE|value} keys. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Set<String> allowList() {
    return tables.fresh().allowListed();
  }

  /** The candidates that {@code allowListed} (see {@link #allowList}) does not cover. */
  public static List<Candidate> without(List<Candidate> candidates, Set<String> allowListed) {
    return candidates.stream()
        .filter(c -> allowListKeys(c).stream().noneMatch(allowListed::contains))
        .toList();
  }

  /** Whether one identifier is on the allow-list. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean isAllowListed(Candidate c) {
    return withoutAllowListed(List.of(c)).isEmpty();
  }

  /**
   * Serialises the linking of these identifiers across transactions and instances: two tips naming
   * one identifier, consumed at once, must not open two cases. Transaction-scoped advisory locks,
   * taken in one order so that two linkers never wait on each other in a cycle.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void lock(Collection<Candidate> candidates) {
    lock(List.of(), candidates);
  }

  /**
   * Locks tips and identifiers (see {@link #lock(Collection)}) in one round trip: every tip before
   * any identifier, each kind in sorted order, the order every other locker keeps. A tip's lock
   * serialises its linking into a case with the deliveries of its alerts that arrive before it
   * ({@code banks.AlertDeliveries}).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void lock(Collection<java.util.UUID> tipIds, Collection<Candidate> candidates) {
    List<String> keys = new ArrayList<>();
    tipIds.stream().map(id -> "TIP|" + id).distinct().sorted().forEach(keys::add);
    candidates.stream().map(Candidate::key).distinct().sorted().forEach(keys::add);
    if (keys.isEmpty()) {
      return;
    }
    // Taken in the array's order.
    em.createNativeQuery(
            "SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) FROM"
                + " (SELECT k FROM unnest(CAST(:keys AS text[])) WITH ORDINALITY AS u(k, n)"
                + " ORDER BY n) l")
        .setParameter("keys", keys.toArray(String[]::new))
        .getSingleResult();
  }

  /** The stored identifiers among the candidates, by key. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Map<String, CaseIdentifier> existing(Collection<Candidate> candidates) {
    Map<String, CaseIdentifier> found = new HashMap<>();
    rowsOf(candidates, "AND retired_at IS NULL").forEach(r -> found.put(key(r), r));
    return found;
  }

  /**
   * The candidates' rows by key: the live ones, and the latest retired with a case closed as
   * unfounded of each candidate that has one.
   */
  public record Rows(Map<String, CaseIdentifier> live, Map<String, CaseIdentifier> retired) {}

  /** {@link Rows} of the candidates, in one statement for both kinds. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Rows rows(Collection<Candidate> candidates) {
    Rows rows = new Rows(new HashMap<>(), new HashMap<>());
    // In retirement order, so that the latest retired row of a key is the one kept.
    for (CaseIdentifier r : rowsOf(candidates, "ORDER BY retired_at")) {
      (r.retiredAt == null ? rows.live() : rows.retired()).put(key(r), r);
    }
    return rows;
  }

  /**
   * The cases that hold the candidates' live rows now, read without loading the rows: a batch locks
   * these cases before it reads the rows (see {@link TipLinking#onTips}).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<UUID> caseIdsOf(Collection<Candidate> candidates) {
    if (candidates.isEmpty()) {
      return List.of();
    }
    Lookup lookup = Lookup.of(candidates);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT case_id, type, value FROM case_identifier"
                    + " WHERE type = ANY (CAST(:types AS text[]))"
                    + " AND value = ANY (CAST(:values AS text[])) AND retired_at IS NULL")
            .setParameter("types", PgArrays.of(lookup.types()))
            .setParameter("values", PgArrays.of(lookup.values()))
            .getResultList();
    return rows.stream()
        .filter(
            r ->
                lookup
                    .wanted()
                    .contains(Candidate.key(IdentifierType.valueOf((String) r[1]), (String) r[2])))
        .map(r -> (UUID) r[0])
        .distinct()
        .toList();
  }

  /** The candidates as the two lists the lookups take ({@code = ANY}), and their keys. */
  private record Lookup(Set<IdentifierType> types, Set<String> values, Set<String> wanted) {
    static Lookup of(Collection<Candidate> candidates) {
      Lookup a = new Lookup(new HashSet<>(), new HashSet<>(), new HashSet<>());
      for (Candidate c : candidates) {
        a.types().add(c.type());
        a.values().add(c.value());
        a.wanted().add(c.key());
      }
      return a;
    }
  }

  /**
   * The rows of the candidates, in one statement for all (both lists as {@code = ANY}, which the
   * (type, value) index takes), with the condition or order {@code more} adds.
   */
  private static List<CaseIdentifier> rowsOf(Collection<Candidate> candidates, String more) {
    if (candidates.isEmpty()) {
      return List.of();
    }
    Lookup lookup = Lookup.of(candidates);
    @SuppressWarnings("unchecked")
    List<CaseIdentifier> rows =
        CaseIdentifier.getEntityManager()
            .createNativeQuery(
                "SELECT * FROM case_identifier WHERE type = ANY (CAST(:types AS text[]))"
                    + " AND value = ANY (CAST(:values AS text[])) "
                    + more,
                CaseIdentifier.class)
            .setParameter("types", PgArrays.of(lookup.types()))
            .setParameter("values", PgArrays.of(lookup.values()))
            .getResultList();
    return rows.stream().filter(r -> lookup.wanted().contains(key(r))).toList();
  }

  private static String key(CaseIdentifier row) {
    return Candidate.key(row.type, row.value);
  }

  /** Whether the allow-list entry {@code type value} covers the identifier. */
  public static boolean coveredBy(Candidate c, IdentifierType type, String value) {
    return allowListKeys(c).contains(Candidate.key(type, value));
  }

  private static Set<String> allowListKeys(Candidate c) {
    Set<String> keys = new HashSet<>();
    keys.add(c.key());
    String host =
        switch (c.type()) {
          case DOMAIN -> c.value();
          case URL -> host(c.value());
          case PHONE, BANK_ACCOUNT, SOCIAL_ACCOUNT, CRYPTO_WALLET, APP_PACKAGE -> null;
        };
    if (host != null) {
      // A bank's own domain covers its sub-domains (ebanking.vietcombank.com.vn).
      String h = host.toLowerCase(Locale.ROOT);
      while (h.contains(".")) {
        keys.add(Candidate.key(IdentifierType.DOMAIN, h));
        h = h.substring(h.indexOf('.') + 1);
      }
    }
    return keys;
  }

  /** The host of a stored URL value (a scheme assumed when none); null when it has none. */
  public static String host(String url) {
    try {
      String host = URI.create(url.contains("://") ? url : "https://" + url).getHost();
      return host;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}

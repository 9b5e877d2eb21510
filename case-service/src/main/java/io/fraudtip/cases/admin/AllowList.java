package io.fraudtip.cases.admin;

import io.fraudtip.cases.api.AllowListViews.Added;
import io.fraudtip.cases.api.AllowListViews.Entry;
import io.fraudtip.cases.api.AllowListViews.Request;
import io.fraudtip.cases.core.CaseEvents;
import io.fraudtip.cases.core.Clock;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.cases.core.TimelineKind;
import io.fraudtip.cases.linking.CaseIdentifier;
import io.fraudtip.cases.linking.Identifiers;
import io.fraudtip.cases.linking.Identifiers.Candidate;
import io.fraudtip.cases.routing.RoutingTables;
import io.fraudtip.cases.watchlist.ListingChanged;
import io.fraudtip.cases.watchlist.Watchlist;
import io.fraudtip.commons.identifiers.IdentifierNormaliser;
import io.fraudtip.commons.outbox.Outbox;
import io.fraudtip.commons.problem.InvalidValue;
import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.commons.problem.Violations;
import io.fraudtip.commons.time.Timestamps;
import io.fraudtip.contracts.CloudEvents;
import io.fraudtip.contracts.Ids;
import io.fraudtip.contracts.Topics;
import io.fraudtip.contracts.allowlist.AllowListChangedV1;
import io.fraudtip.contracts.cases.AccountRefV1;
import io.fraudtip.contracts.cases.CaseEventKind;
import io.fraudtip.contracts.tips.IdentifierType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Operators' allow-list: official numbers and banks' own domains never link cases. Adding one takes
 * it (and, for a domain, its sub-domains and URLs on them) off the watchlist where cases already
 * hold it, and retracts their alerts. Removing one lists again what it took off (unless another
 * entry or an upheld dispute keeps it off) and affects the tips that come after. Every change goes
 * out on allow-list.v1, so that notification-service alerts no bank about an allow-listed account a
 * tip names (its fast path does not wait for this service).
 */
@ApplicationScoped
public class AllowList {
  private final EntityManager em;
  private final Identifiers identifiers;
  private final CaseEvents events;
  private final Clock clock;
  private final RoutingTables tables;
  private final Event<ListingChanged> listingChanged;
  private final Outbox outbox;

  AllowList(
      EntityManager em,
      Identifiers identifiers,
      CaseEvents events,
      Clock clock,
      RoutingTables tables,
      Event<ListingChanged> listingChanged,
      Outbox outbox) {
    this.em = em;
    this.identifiers = identifiers;
    this.events = events;
    this.clock = clock;
    this.tables = tables;
    this.listingChanged = listingChanged;
    this.outbox = outbox;
  }

  @Transactional
  @SuppressWarnings("unchecked")
  public List<Entry> list() {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT type, value, note, added_by, added_at FROM allow_listed_identifier"
                    + " ORDER BY type, value")
            .getResultList();
    return rows.stream().map(AllowList::entry).toList();
  }

  /**
   * An entry's stored value: canonical as the watchlist reads it, and a domain without a leading
   * {@code www.}, which names the same site (tips name it by its registrable domain, which an entry
   * for {@code www.} alone would not cover). No other label is dropped: a platform's sub-domain
   * (sites.google.com) must not cover the platform.
   */
  static String entryValue(IdentifierType type, String typed) {
    String value = Watchlist.canonical(type, typed);
    return type == IdentifierType.DOMAIN && value.startsWith("www.") && value.indexOf('.', 4) > 0
        ? value.substring(4)
        : value;
  }

  /**
   * {@link #entryValue} of a new entry, which must be a valid one of its type: an entry covers
   * every identifier below it, so a public suffix ({@code com.vn}, which the leniency of a lookup
   * would keep as typed) would take a whole country's sites off the watchlist. A bank account names
   * its bank (tips' accounts are stored at theirs); a phone is a number or an official short code.
   *
   * @throws ProblemException 400 naming {@code value}
   */
  static String newEntryValue(IdentifierType type, String typed) {
    IdentifierNormaliser normaliser = IdentifierNormaliser.standard();
    String value = typed.strip();
    try {
      switch (type) {
        case DOMAIN -> normaliser.domains(value);
        case URL -> normaliser.site(value);
        case PHONE -> {
          if (!SHORT_CODE.matcher(value).matches()) {
            normaliser.phone(value);
          }
        }
        case BANK_ACCOUNT -> {
          if (Watchlist.withoutBank(type, value)) {
            throw new InvalidValue("account.bank-required");
          }
          normaliser.bankAccount(value);
        }
        case SOCIAL_ACCOUNT, CRYPTO_WALLET, APP_PACKAGE -> {
          // Nothing to refuse: a handle, wallet or package is whatever was typed, in its one form.
        }
      }
    } catch (InvalidValue e) {
      Violations v = new Violations(Locale.ROOT);
      v.add("value", e);
      v.throwIfAny();
    }
    return entryValue(type, value);
  }

  /** An official short code (113, 1900 numbers are numbers): digits only, 3 to 6 of them. */
  private static final Pattern SHORT_CODE = Pattern.compile("[0-9]{3,6}");

  @Transactional
  public Added add(Request r, String actor) {
    String value = newEntryValue(r.type(), r.value());
    Candidate key = new Candidate(r.type(), value, null, false, 1);
    // The same lock a tip takes on its identifiers before it reads the allow-list: a tip linking
    // this identifier right now either commits first (and is delisted below) or sees the entry.
    identifiers.lock(List.of(key));
    // Tips read the list from memory: this instance's copy goes at commit, others' at their next
    // check (the insert bumps reference_version).
    tables.changed();
    Instant now = clock.now();
    int inserted =
        em.createNativeQuery(
                "INSERT INTO allow_listed_identifier (type, value, note, added_by, added_at)"
                    + " VALUES (:type, :value, :note, :by, :at) ON CONFLICT DO NOTHING")
            .setParameter("type", r.type().name())
            .setParameter("value", value)
            .setParameter("note", r.reason())
            .setParameter("by", actor)
            .setParameter("at", now)
            .executeUpdate();
    if (inserted == 0) {
      throw ProblemException.conflict(
          "allow-listed", r.type() + " " + value + " is on the allow-list already");
    }
    announce(r.type(), value, true, now);
    int delisted = delistCovered(r.type(), value, actor, now);
    return new Added(new Entry(r.type(), value, r.reason(), actor, now), delisted);
  }

  @Transactional
  public void remove(IdentifierType type, String raw, String actor) {
    String value = entryValue(type, raw);
    tables.changed();
    int deleted =
        em.createNativeQuery(
                "DELETE FROM allow_listed_identifier WHERE type = :type AND value = :value")
            .setParameter("type", type.name())
            .setParameter("value", value)
            .executeUpdate();
    if (deleted == 0) {
      throw ProblemException.notFound(type + " " + value + " on the allow-list");
    }
    Instant now = clock.now();
    announce(type, value, false, now);
    relistCovered(type, value, actor, now);
  }

  /** Publishes a change of the list (allow-list.v1) in this transaction. */
  private void announce(IdentifierType type, String value, boolean listed, Instant at) {
    UUID eventId = Ids.next();
    outbox.publish(
        Topics.ALLOW_LIST_V1,
        AllowListChangedV1.key(type, value),
        CloudEvents.TYPE_ALLOW_LIST_CHANGED,
        eventId,
        new AllowListChangedV1(eventId, type, value, listed, at));
  }

  /**
   * Lists again, in their cases, the identifiers the allow-list had taken off that the removed
   * entry covers, unless another entry still covers them. The watchlist answers for them again, and
   * the banks of their accounts, told the alerts were retracted, are alerted anew (one
   * IDENTIFIER_RELISTED event per case).
   */
  private void relistCovered(IdentifierType type, String value, String actor, Instant now) {
    Map<UUID, List<AccountRefV1>> relisted = new LinkedHashMap<>();
    for (CaseIdentifier i : covered(type, value)) {
      if (i.delistedAt == null
          || !CaseIdentifier.DELISTED_BY_ALLOW_LIST.equals(i.delistedBy)
          || i.retiredAt != null
          || identifiers.isAllowListed(i.candidate())) {
        continue;
      }
      i.delistedAt = null;
      i.delistedBy = null;
      listingChanged.fire(new ListingChanged(i.type, i.value));
      FraudCase fc = FraudCase.findById(i.caseId);
      events.record(
          fc,
          TimelineKind.ALLOW_LIST_REMOVED,
          actor,
          null,
          i.type + " " + i.value + " is listed again: its allow-list entry was removed",
          now);
      fc.updatedAt = now;
      if (i.type == IdentifierType.BANK_ACCOUNT) {
        relisted
            .computeIfAbsent(i.caseId, k -> new ArrayList<>())
            .add(new AccountRefV1(i.bankBin, i.accountNumber(), i.layer));
      }
    }
    relisted.forEach(
        (caseId, accounts) ->
            events.publish(
                FraudCase.findById(caseId),
                CaseEventKind.IDENTIFIER_RELISTED,
                CaseEvents.Extra.accounts(
                    accounts, "Listed again: its allow-list entry was removed")));
  }

  /**
   * The case identifiers the entry covers: the identifier itself and, for a domain, its sub-domains
   * and the URLs on them (narrowed in SQL, decided by the allow-list's own rule).
   */
  private static List<CaseIdentifier> covered(IdentifierType type, String value) {
    List<CaseIdentifier> rows =
        new ArrayList<>(
            CaseIdentifier.list("type = ?1 and value = ?2 and retiredAt is null", type, value));
    if (type == IdentifierType.DOMAIN) {
      List<CaseIdentifier> near =
          CaseIdentifier.list(
              "(type = ?1 and value like ?2) or (type = ?3 and lower(value) like ?4)",
              IdentifierType.DOMAIN,
              "%." + value,
              IdentifierType.URL,
              "%" + value + "%");
      for (CaseIdentifier i : near) {
        if (Identifiers.coveredBy(i.candidate(), type, value)) {
          rows.add(i);
        }
      }
    }
    return rows;
  }

  /** Delists the case identifiers the new entry covers, one event per case. */
  private int delistCovered(IdentifierType type, String value, String actor, Instant now) {
    List<CaseIdentifier> rows = covered(type, value);
    Map<UUID, List<CaseIdentifier>> byCase = new LinkedHashMap<>();
    for (CaseIdentifier i : rows) {
      if (i.delistedAt == null) {
        i.delistedAt = now;
        // The allow-listing is its cause now (a dispute's overturned decision no longer is).
        i.delistedBy = CaseIdentifier.DELISTED_BY_ALLOW_LIST;
        byCase.computeIfAbsent(i.caseId, k -> new ArrayList<>()).add(i);
        // Its cached watchlist answer still says listed; this instance's goes at commit.
        listingChanged.fire(new ListingChanged(i.type, i.value));
      }
    }
    int count = 0;
    for (var e : byCase.entrySet()) {
      FraudCase c = FraudCase.findById(e.getKey());
      List<AccountRefV1> accounts =
          e.getValue().stream()
              .filter(i -> i.type == IdentifierType.BANK_ACCOUNT)
              .map(i -> new AccountRefV1(i.bankBin, i.accountNumber(), i.layer))
              .toList();
      for (CaseIdentifier i : e.getValue()) {
        events.record(
            c,
            TimelineKind.ALLOW_LISTED,
            actor,
            null,
            i.type + " " + i.value + " is on the allow-list",
            now);
        count++;
      }
      c.updatedAt = now;
      events.publish(
          c,
          CaseEventKind.IDENTIFIER_DELISTED,
          CaseEvents.Extra.accounts(
              accounts, "Allow-listed: " + e.getValue().size() + " delisted"));
    }
    return count;
  }

  private static Entry entry(Object[] r) {
    return new Entry(
        IdentifierType.valueOf((String) r[0]),
        (String) r[1],
        (String) r[2],
        (String) r[3],
        Timestamps.fromColumn(r[4]));
  }
}

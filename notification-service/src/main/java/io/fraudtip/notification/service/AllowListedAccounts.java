package io.fraudtip.notification.service;

import io.fraudtip.commons.inbox.ProcessedEvents;
import io.fraudtip.commons.sql.PgArrays;
import io.fraudtip.contracts.allowlist.AllowListChangedV1;
import io.fraudtip.contracts.banks.BankAccount;
import io.fraudtip.contracts.tips.IdentifierType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The bank accounts on the operators' allow-list (allow-list.v1, owned by case-service), which are
 * never alerted as reported (SPEC §5): a tip naming one alerts nobody about it, nor does a unit
 * entering it or a bank's answer tracing money into it. Freeze requests and the alerts that follow
 * them (holds, closures, retractions) are the police's and stay.
 */
@ApplicationScoped
public class AllowListedAccounts {
  static final String CONSUMER = "notification-service.allow-list";

  private static final Logger LOG = Logger.getLogger(AllowListedAccounts.class);

  private final EntityManager em;
  private final ProcessedEvents processed;

  AllowListedAccounts(EntityManager em, ProcessedEvents processed) {
    this.em = em;
    this.processed = processed;
  }

  /**
   * Takes a change of the list, once per event; an entry keeps its latest change, whatever order
   * the changes come in. Entries of other types concern no bank and are not kept.
   */
  @Transactional
  public void onChange(UUID eventId, AllowListChangedV1 change) {
    if (change.type() != IdentifierType.BANK_ACCOUNT || !processed.firstTime(eventId, CONSUMER)) {
      return;
    }
    BankAccount account;
    try {
      account = BankAccount.parse(change.value());
    } catch (IllegalArgumentException e) {
      // case-service keeps accounts as BIN:number; anything else names no account to hold back.
      LOG.warnf("allow-list event %s: not a bank account, skipped", eventId);
      return;
    }
    em.createNativeQuery(
            "INSERT INTO allow_listed_account (bank_bin, account_number, listed, changed_at)"
                + " VALUES (:bin, :number, :listed, :at)"
                + " ON CONFLICT (bank_bin, account_number) DO UPDATE SET listed = EXCLUDED.listed,"
                + " changed_at = EXCLUDED.changed_at"
                + " WHERE allow_listed_account.changed_at <= EXCLUDED.changed_at")
        .setParameter("bin", account.bankBin())
        .setParameter("number", account.accountNumber())
        .setParameter("listed", change.listed())
        .setParameter("at", change.changedAt())
        .executeUpdate();
  }

  /** The accounts among these that are on the allow-list now, in one statement. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Set<BankAccount> among(Collection<BankAccount> accounts) {
    Set<BankAccount> listed = new HashSet<>();
    if (accounts.isEmpty()) {
      return listed;
    }
    List<BankAccount> asked = List.copyOf(new HashSet<>(accounts));
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT a.bank_bin, a.account_number FROM allow_listed_account a"
                    + " JOIN unnest(CAST(:bins AS varchar[]), CAST(:numbers AS varchar[]))"
                    + " AS t(b, n) ON a.bank_bin = t.b AND a.account_number = t.n"
                    + " WHERE a.listed")
            .setParameter("bins", PgArrays.of(asked.stream().map(BankAccount::bankBin).toList()))
            .setParameter(
                "numbers", PgArrays.of(asked.stream().map(BankAccount::accountNumber).toList()))
            .getResultList();
    rows.forEach(r -> listed.add(new BankAccount((String) r[0], (String) r[1])));
    return listed;
  }
}

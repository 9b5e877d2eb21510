package io.fraudtip.notification.service;

import io.fraudtip.commons.problem.ProblemException;
import io.fraudtip.notification.api.AlertView;
import io.fraudtip.notification.domain.Alert;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Banks read their alerts (operators all): one, or a filtered list a page at a time. */
@ApplicationScoped
public class AlertReads {
  /** An alert's state in the list filter: whether one of its bank's endpoints answered 2xx. */
  public static final List<String> STATES = List.of("DELIVERED", "UNDELIVERED");

  /**
   * A page of the alerts of one bank, or of all banks when {@code bankBin} is empty (operators),
   * newest first.
   */
  @Transactional
  public ListQuery.Page<AlertView> list(Optional<String> bankBin, ListQuery q) {
    List<String> where = new ArrayList<>();
    Parameters params = new Parameters();
    bankBin.ifPresent(
        b -> {
          where.add("bankBin = :bank");
          params.and("bank", b);
        });
    q.type()
        .ifPresent(
            t -> {
              where.add("eventType = :type");
              params.and("type", t);
            });
    q.state()
        .ifPresent(
            s ->
                where.add(
                    "DELIVERED".equals(s) ? "deliveredAt is not null" : "deliveredAt is null"));
    q.account()
        .ifPresent(
            a -> {
              where.add("accountNumber = :account");
              params.and("account", a);
            });
    String order = q.pageClauses(where, params);
    List<Alert> rows =
        Alert.<Alert>find((String.join(" and ", where) + order).trim(), params)
            .page(0, q.limit() + 1)
            .list();
    return q.page(rows, AlertReads::view, a -> new ListQuery.Cursor(a.createdAt, a.id));
  }

  /** One alert, if the caller's bank may see it. */
  @Transactional
  public AlertView get(UUID id, Optional<String> bankBin) {
    return view(Alert.visibleTo(id, bankBin).orElseThrow(() -> ProblemException.notFound("Alert")));
  }

  private static AlertView view(Alert a) {
    return new AlertView(
        a.id,
        a.eventType,
        a.bankBin,
        a.accountNumber,
        a.layer,
        a.tipId,
        a.caseId,
        a.createdAt,
        a.sequence,
        a.advisory,
        a.deliveredAt);
  }
}

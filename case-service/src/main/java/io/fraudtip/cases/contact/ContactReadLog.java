package io.fraudtip.cases.contact;

import io.fraudtip.cases.api.ContactViews.ContactReadPage;
import io.fraudtip.cases.api.ContactViews.ContactReadView;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The access log of contact reads as operators read it: newest first, by case or unit. */
@ApplicationScoped
public class ContactReadLog {
  @Transactional
  public ContactReadPage list(UUID caseId, String unitCode, int page, int size) {
    List<String> where = new ArrayList<>();
    Parameters params = new Parameters();
    if (caseId != null) {
      where.add("caseId = :caseId");
      params.and("caseId", caseId);
    }
    if (unitCode != null && !unitCode.isBlank()) {
      where.add("unitCode = :unit");
      params.and("unit", unitCode.strip());
    }
    Sort newestFirst = Sort.descending("readAt", "id");
    PanacheQuery<ContactRead> query =
        where.isEmpty()
            ? ContactRead.findAll(newestFirst)
            : ContactRead.find(String.join(" and ", where), newestFirst, params);
    List<ContactReadView> items =
        query.page(Page.of(page, size)).list().stream().map(ContactReadLog::view).toList();
    return new ContactReadPage(items, page, size, query.count());
  }

  static ContactReadView view(ContactRead r) {
    return new ContactReadView(
        r.id,
        r.caseId,
        r.caseReference,
        r.tipId,
        r.unitCode,
        r.subject,
        r.reason,
        r.purpose.name(),
        r.readAt,
        r.outcome.name());
  }
}

package io.fraudtip.cases.trust;

import io.fraudtip.cases.api.WatchlistViews.Counts;
import io.fraudtip.cases.api.WatchlistViews.Reason;
import io.fraudtip.cases.api.WatchlistViews.RiskLevel;
import io.fraudtip.cases.api.WatchlistViews.Window;
import io.fraudtip.cases.config.TrustConfig;
import io.fraudtip.contracts.alerts.AlertOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SPEC §10 as one pure function: an identifier's evidence, the time and the thresholds in, its
 * level, whether it is listed, its counts and the reasons out. No database, no clock: the rules are
 * tested one by one in {@code TrustModelTest}.
 */
public final class TrustModel {
  private static final Duration DAYS_90 = Duration.ofDays(90);
  private static final Duration MONTHS_12 = Duration.ofDays(365);

  private TrustModel() {}

  /**
   * What the evidence says.
   *
   * @param level the level of the evidence that counts (after the last rejection)
   * @param listed whether the watchlist lists it now
   * @param independentSources independent sources among the reports that count
   * @param reportCount reports that count (tips, not sources)
   * @param firstReportedAt the first of them, or null
   * @param underReview an upheld dispute's deciding unit has a review open
   */
  public record Assessment(
      RiskLevel level,
      boolean listed,
      int independentSources,
      int reportCount,
      Instant firstReportedAt,
      boolean underReview,
      Counts counts,
      List<Reason> reasons) {}

  public static Assessment assess(List<Fact> evidence, Instant now, TrustConfig config) {
    List<Fact> live = live(evidence, now, config);
    Fact rejection = last(live, f -> f.kind() == EvidenceKind.REJECTED);
    Fact dispute = last(live, Fact::isRejectionByDispute);
    List<Fact> current = after(live, rejection);
    List<Fact> reports = ofKind(current, EvidenceKind.REPORT);
    List<List<Fact>> sources = Sources.group(reports, config.sameSourceWindow());
    long withTransfers =
        sources.stream().filter(g -> g.stream().anyMatch(Fact::withTransfers)).count();
    boolean verifiedWithTransfers =
        reports.stream().anyMatch(r -> r.verified() && r.withTransfers());
    List<Fact> police = ofKind(current, EvidenceKind.POLICE_CONFIRMED);
    List<Fact> banks = ofKind(current, EvidenceKind.BANK_CONFIRMED);
    List<Fact> traces = ofKind(current, EvidenceKind.TRACED);

    RiskLevel level = RiskLevel.NONE;
    if (!police.isEmpty()
        || !banks.isEmpty()
        || withTransfers >= config.highSourcesWithTransfers()) {
      level = RiskLevel.HIGH;
    } else if (sources.size() >= config.mediumSources()
        || verifiedWithTransfers
        || !traces.isEmpty()) {
      level = RiskLevel.MEDIUM;
    } else if (!sources.isEmpty()) {
      level = RiskLevel.LOW;
    }

    // An upheld dispute holds until a police confirmation after it.
    boolean blocked =
        dispute != null && ofKind(after(live, dispute), EvidenceKind.POLICE_CONFIRMED).isEmpty();
    boolean underReview = blocked && reviewOpen(after(live, dispute));
    Instant lastReport = reports.isEmpty() ? null : reports.get(reports.size() - 1).at();
    boolean expired =
        level == RiskLevel.LOW && lastReport.isBefore(now.minus(config.lowListingExpiry()));
    boolean listed =
        level != RiskLevel.NONE
            && !blocked
            && !expired
            && (rejection == null || level.compareTo(config.relistLevel()) >= 0);

    List<Reason> reasons = new ArrayList<>();
    if (!reports.isEmpty()) {
      reasons.add(reportsReason(reports, sources.size(), withTransfers, lastReport));
    }
    reports.stream()
        .filter(r -> r.verified() && r.withTransfers())
        .reduce((a, b) -> b)
        .ifPresent(
            r ->
                reasons.add(
                    reason("VERIFIED_REPORT", "a verified reporter with transfer details", r)));
    latestBy(police)
        .forEach(f -> reasons.add(reason("POLICE_CONFIRMED", "confirmed by " + f.actor(), f)));
    latestBy(banks).forEach(f -> reasons.add(reason("BANK_CONFIRMED", bankText(f), f)));
    latestBy(traces)
        .forEach(
            f -> reasons.add(reason("TRACED", "traced by bank " + f.actor() + layerText(f), f)));
    for (Fact f : live) {
      if (f.kind() == EvidenceKind.REJECTED) {
        reasons.add(reason("REJECTED", "rejected by " + f.actor() + rejectionText(f), f));
      }
    }
    if (underReview) {
      reasons.add(
          reason(
              "UNDER_REVIEW",
              "under review after an upheld dispute",
              last(after(live, dispute), x -> x.kind() == EvidenceKind.REVIEW_REQUESTED)));
    } else if (blocked) {
      reasons.add(
          reason(
              "DISPUTE_UPHELD",
              "delisted after an upheld dispute; new reports go to "
                  + dispute.actor()
                  + " for review",
              dispute));
    }
    if (expired) {
      reasons.add(
          new Reason(
              "EXPIRED",
              "no new report in " + config.lowListingExpiry().toDays() + " days",
              null,
              lastReport,
              null));
    }
    return new Assessment(
        level,
        listed,
        sources.size(),
        reports.size(),
        reports.isEmpty() ? null : reports.get(0).at(),
        underReview,
        new Counts(
            window(live, rejection, now.minus(DAYS_90)),
            window(live, rejection, now.minus(MONTHS_12)),
            window(live, rejection, now.minus(config.maxAge()))),
        List.copyOf(reasons));
  }

  /**
   * Whether a new report of an identifier delisted by an upheld dispute goes to the deciding unit
   * for review: no review open yet, no police confirmation since, and its source independent of
   * every report before the decision (the holder's own accusers coming back do not reopen the
   * question).
   *
   * @return the deciding unit that must review it, or empty
   */
  public static Optional<String> reviewBy(
      List<Fact> evidence, Fact report, Instant now, TrustConfig config) {
    List<Fact> live = live(evidence, now, config);
    Fact dispute = last(live, Fact::isRejectionByDispute);
    if (dispute == null) {
      return Optional.empty();
    }
    List<Fact> since = after(live, dispute);
    if (!ofKind(since, EvidenceKind.POLICE_CONFIRMED).isEmpty() || reviewOpen(since)) {
      return Optional.empty();
    }
    List<Fact> before = ofKind(live.subList(0, indexOf(live, dispute)), EvidenceKind.REPORT);
    return Sources.independentOf(report, before, config.sameSourceWindow())
        ? Optional.ofNullable(dispute.actor())
        : Optional.empty();
  }

  private static boolean reviewOpen(List<Fact> since) {
    Fact asked = last(since, f -> f.kind() == EvidenceKind.REVIEW_REQUESTED);
    return asked != null
        && after(since, asked).stream().noneMatch(f -> f.kind() == EvidenceKind.REVIEW_DISMISSED);
  }

  /**
   * The evidence within the longest window, oldest first, without the bank confirmations their bank
   * retracted later ({@link EvidenceKind#BANK_RETRACTED}) and the retractions themselves.
   */
  private static List<Fact> live(List<Fact> evidence, Instant now, TrustConfig config) {
    Instant oldest = now.minus(config.maxAge());
    List<Fact> sorted =
        evidence.stream()
            .filter(f -> f.at().isAfter(oldest))
            .sorted(Comparator.comparing(Fact::at))
            .toList();
    if (sorted.stream().noneMatch(f -> f.kind() == EvidenceKind.BANK_RETRACTED)) {
      return sorted;
    }
    // Walking back from the newest: a bank's retraction voids its confirmations before it.
    Set<String> retracted = new HashSet<>();
    List<Fact> kept = new ArrayList<>();
    for (int i = sorted.size() - 1; i >= 0; i--) {
      Fact f = sorted.get(i);
      if (f.kind() == EvidenceKind.BANK_RETRACTED) {
        retracted.add(f.actor());
      } else if (f.kind() != EvidenceKind.BANK_CONFIRMED || !retracted.contains(f.actor())) {
        kept.add(f);
      }
    }
    Collections.reverse(kept);
    return kept;
  }

  private static Window window(List<Fact> live, Fact rejection, Instant from) {
    int reported = 0;
    int confirmed = 0;
    int rejected = 0;
    boolean voided = rejection != null;
    for (Fact f : live) {
      if (f == rejection) {
        voided = false;
      }
      if (!f.at().isAfter(from)) {
        continue;
      }
      switch (f.kind()) {
        case REPORT -> {
          if (voided) {
            rejected++;
          } else {
            reported++;
          }
        }
        case POLICE_CONFIRMED, BANK_CONFIRMED -> confirmed += voided ? 0 : 1;
        case TRACED, REJECTED, REVIEW_REQUESTED, REVIEW_DISMISSED, BANK_RETRACTED -> {}
      }
    }
    return new Window(reported, confirmed, rejected);
  }

  private static Reason reportsReason(
      List<Fact> reports, int sources, long withTransfers, Instant last) {
    String text = sources + (sources == 1 ? " independent report" : " independent reports");
    if (withTransfers == sources) {
      text += " with transfers";
    } else if (withTransfers > 0) {
      text += ", " + withTransfers + " with transfers";
    }
    if (reports.size() > sources) {
      text += " (" + reports.size() + " tips)";
    }
    return new Reason("REPORTS", text, null, last, reports.get(reports.size() - 1).caseReference());
  }

  private static String bankText(Fact f) {
    // The note holds the answer's outcome; one this reader does not know reads as a confirmation.
    AlertOutcome outcome =
        Arrays.stream(AlertOutcome.values())
            .filter(o -> o.name().equals(f.note()))
            .findFirst()
            .orElse(null);
    if (outcome == null) {
      return "confirmed by bank " + f.actor();
    }
    return switch (outcome) {
      case FROZEN -> "frozen by bank " + f.actor();
      case PARTLY_FROZEN -> "partly frozen by bank " + f.actor();
      case MOVED_ON -> "money moved on, said bank " + f.actor();
      case NO_FUNDS, NO_SUCH_ACCOUNT, ACCOUNT_CLOSED, MONITORING, RESTORED ->
          "confirmed by bank " + f.actor();
    };
  }

  private static String layerText(Fact f) {
    return f.layer() == null ? "" : " (layer " + f.layer() + ")";
  }

  private static String rejectionText(Fact f) {
    return Fact.DISPUTE_UPHELD.equals(f.note()) ? " (dispute upheld)" : " (unfounded)";
  }

  private static Reason reason(String kind, String text, Fact f) {
    return new Reason(kind, text, f.actor(), f.at(), f.caseReference());
  }

  /** The latest fact of each actor, in time order. */
  private static List<Fact> latestBy(List<Fact> facts) {
    Map<String, Fact> latest = new LinkedHashMap<>();
    facts.forEach(f -> latest.put(String.valueOf(f.actor()), f));
    return latest.values().stream().sorted(Comparator.comparing(Fact::at)).toList();
  }

  private static List<Fact> after(List<Fact> sorted, Fact mark) {
    return mark == null ? sorted : sorted.subList(indexOf(sorted, mark) + 1, sorted.size());
  }

  /** By identity: two facts may be equal as values (two tips of one source in one instant). */
  private static int indexOf(List<Fact> facts, Fact mark) {
    for (int i = 0; i < facts.size(); i++) {
      if (facts.get(i) == mark) {
        return i;
      }
    }
    throw new IllegalArgumentException("not among the facts");
  }

  private static List<Fact> ofKind(List<Fact> facts, EvidenceKind kind) {
    return facts.stream().filter(f -> f.kind() == kind).toList();
  }

  private static Fact last(List<Fact> facts, java.util.function.Predicate<Fact> test) {
    Fact found = null;
    for (Fact f : facts) {
      if (test.test(f)) {
        found = f;
      }
    }
    return found;
  }
}

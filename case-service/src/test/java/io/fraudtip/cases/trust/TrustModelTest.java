package io.fraudtip.cases.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.cases.api.WatchlistViews.Reason;
import io.fraudtip.cases.api.WatchlistViews.RiskLevel;
import io.fraudtip.cases.config.TrustConfig;
import io.fraudtip.cases.trust.TrustModel.Assessment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC §10, rule by rule: each test fails when its rule is broken. */
class TrustModelTest {
  private static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");

  /** The SPEC's defaults, as the {@code @WithDefault}s of {@link TrustConfig} say. */
  static final TrustConfig SPEC =
      new TrustConfig() {
        @Override
        public Duration sameSourceWindow() {
          return Duration.ofHours(24);
        }

        @Override
        public int mediumSources() {
          return 2;
        }

        @Override
        public int highSourcesWithTransfers() {
          return 3;
        }

        @Override
        public Duration lowListingExpiry() {
          return Duration.ofDays(90);
        }

        @Override
        public Duration maxAge() {
          return Duration.ofDays(1826);
        }

        @Override
        public RiskLevel relistLevel() {
          return RiskLevel.MEDIUM;
        }
      };

  private static Instant ago(Duration d) {
    return NOW.minus(d);
  }

  private static Fact anonymous(Instant at, String address, boolean transfers) {
    return Fact.report(at, null, null, address, false, transfers);
  }

  private static Assessment assess(Fact... facts) {
    return TrustModel.assess(List.of(facts), NOW, SPEC);
  }

  private static List<String> kinds(Assessment a) {
    return a.reasons().stream().map(Reason::kind).toList();
  }

  @Test
  void threeAnonymousTipsFromOneAddressSecondsApartAreOneSourceAndLow() {
    Assessment a =
        assess(
            anonymous(ago(Duration.ofSeconds(30)), "addr-1", true),
            anonymous(ago(Duration.ofSeconds(20)), "addr-1", true),
            anonymous(ago(Duration.ofSeconds(10)), "addr-1", true));
    assertThat(a.independentSources()).isEqualTo(1);
    assertThat(a.level()).isEqualTo(RiskLevel.LOW);
    assertThat(a.listed()).isTrue();
    assertThat(a.reportCount()).isEqualTo(3);
    assertThat(a.reasons().get(0).text()).isEqualTo("1 independent report with transfers (3 tips)");
  }

  @Test
  void oneClientWithinTheWindowIsOneSourceWhateverTheAddresses() {
    Assessment a =
        assess(
            Fact.report(ago(Duration.ofHours(3)), null, "client-1", "a1", false, true),
            Fact.report(ago(Duration.ofHours(2)), null, "client-1", "a2", false, true),
            Fact.report(ago(Duration.ofHours(1)), null, "client-1", "a3", false, true));
    assertThat(a.independentSources()).isEqualTo(1);
    assertThat(a.level()).isEqualTo(RiskLevel.LOW);
  }

  @Test
  void oneAddressMoreThanADayApartIsTwoSources() {
    Assessment a =
        assess(
            anonymous(ago(Duration.ofHours(50)), "addr-1", false),
            anonymous(ago(Duration.ofHours(1)), "addr-1", false));
    assertThat(a.independentSources()).isEqualTo(2);
    assertThat(a.level()).isEqualTo(RiskLevel.MEDIUM);
  }

  @Test
  void oneReporterKeyIsOneSourceAtAnyDistanceInTime() {
    Assessment a =
        assess(
            Fact.report(ago(Duration.ofDays(200)), "rep-1", null, "a1", false, true),
            Fact.report(ago(Duration.ofDays(1)), "rep-1", null, "a2", false, true));
    assertThat(a.independentSources()).isEqualTo(1);
  }

  @Test
  void linksAreTransitive() {
    // a1 and a2 share an address, a2 and a3 a client: one source.
    Assessment a =
        assess(
            Fact.report(ago(Duration.ofHours(3)), null, "c1", "addr-1", false, false),
            Fact.report(ago(Duration.ofHours(2)), null, "c2", "addr-1", false, false),
            Fact.report(ago(Duration.ofHours(1)), null, "c2", "addr-2", false, false));
    assertThat(a.independentSources()).isEqualTo(1);
  }

  @Test
  void verifiedReportsOfOneTrustedClientAreDistinctCitizens() {
    Assessment a =
        assess(
            Fact.report(ago(Duration.ofMinutes(3)), "r1", "app", "app-server", true, true),
            Fact.report(ago(Duration.ofMinutes(2)), "r2", "app", "app-server", true, true),
            Fact.report(ago(Duration.ofMinutes(1)), "r3", "app", "app-server", true, true));
    assertThat(a.independentSources()).isEqualTo(3);
    assertThat(a.level()).isEqualTo(RiskLevel.HIGH);
  }

  @Test
  void oldEventsWithoutASourceAreEachASourceOfTheirOwn() {
    Assessment a =
        assess(
            anonymous(ago(Duration.ofMinutes(2)), null, false),
            anonymous(ago(Duration.ofMinutes(1)), null, false));
    assertThat(a.independentSources()).isEqualTo(2);
  }

  @Test
  void aClaimedEmailOrPhoneNeverRaisesTrust() {
    // An unverified reporter with transfer details: still one source, LOW.
    Assessment a = assess(Fact.report(ago(Duration.ofMinutes(1)), "rep", null, "a", false, true));
    assertThat(a.level()).isEqualTo(RiskLevel.LOW);
  }

  @Test
  void aVerifiedReporterWithTransfersIsMediumWithoutTransfersLow() {
    assertThat(assess(Fact.report(ago(Duration.ofMinutes(1)), "r", "app", "a", true, true)).level())
        .isEqualTo(RiskLevel.MEDIUM);
    assertThat(
            assess(Fact.report(ago(Duration.ofMinutes(1)), "r", "app", "a", true, false)).level())
        .isEqualTo(RiskLevel.LOW);
  }

  @Test
  void twoIndependentSourcesAreMediumThreeWithTransfersHighThreeWithoutMedium() {
    assertThat(
            assess(anonymous(ago(Duration.ofHours(2)), "a1", true), anonymous(NOW, "a2", true))
                .level())
        .isEqualTo(RiskLevel.MEDIUM);
    Assessment high =
        assess(
            anonymous(ago(Duration.ofHours(3)), "a1", true),
            anonymous(ago(Duration.ofHours(2)), "a2", true),
            anonymous(ago(Duration.ofHours(1)), "a3", true));
    assertThat(high.level()).isEqualTo(RiskLevel.HIGH);
    assertThat(high.reasons().get(0).text()).isEqualTo("3 independent reports with transfers");
    assertThat(
            assess(
                    anonymous(ago(Duration.ofHours(3)), "a1", true),
                    anonymous(ago(Duration.ofHours(2)), "a2", true),
                    anonymous(ago(Duration.ofHours(1)), "a3", false))
                .level())
        .isEqualTo(RiskLevel.MEDIUM);
  }

  @Test
  void aTraceByABankIsMedium() {
    Assessment a = assess(Fact.of(EvidenceKind.TRACED, ago(Duration.ofHours(1)), "970436", null));
    assertThat(a.level()).isEqualTo(RiskLevel.MEDIUM);
    assertThat(a.reasons()).extracting(Reason::text).containsExactly("traced by bank 970436");
  }

  @Test
  void policeOrBankConfirmationIsHighWithItsReason() {
    Fact report = anonymous(ago(Duration.ofHours(2)), "a1", false);
    Assessment police =
        assess(
            report,
            Fact.of(EvidenceKind.POLICE_CONFIRMED, ago(Duration.ofHours(1)), "PA05-66", null));
    assertThat(police.level()).isEqualTo(RiskLevel.HIGH);
    assertThat(police.reasons()).extracting(Reason::text).contains("confirmed by PA05-66");
    Assessment bank =
        assess(
            report,
            Fact.of(EvidenceKind.BANK_CONFIRMED, ago(Duration.ofHours(1)), "970422", "FROZEN"));
    assertThat(bank.level()).isEqualTo(RiskLevel.HIGH);
    assertThat(bank.reasons()).extracting(Reason::text).contains("frozen by bank 970422");
    assertThat(bank.counts().days90().confirmed()).isEqualTo(1);
  }

  @Test
  void aBankThatSaysItHoldsNoSuchAccountRetractsItsConfirmationUntilItConfirmsAgain() {
    Fact report = anonymous(ago(Duration.ofDays(2)), "a", true);
    Fact frozen =
        Fact.of(EvidenceKind.BANK_CONFIRMED, ago(Duration.ofHours(3)), "970422", "FROZEN");
    Fact retracted = Fact.of(EvidenceKind.BANK_RETRACTED, ago(Duration.ofHours(2)), "970422", null);
    Fact otherBank =
        Fact.of(EvidenceKind.BANK_CONFIRMED, ago(Duration.ofHours(4)), "970436", "MOVED_ON");

    Assessment corrected = assess(report, frozen, retracted);
    assertThat(corrected.level()).isEqualTo(RiskLevel.LOW);
    assertThat(corrected.reasons()).extracting(Reason::kind).doesNotContain("BANK_CONFIRMED");
    assertThat(corrected.counts().days90().confirmed()).isZero();

    // Another bank's confirmation stands; the same bank's later one counts again.
    assertThat(assess(report, otherBank, frozen, retracted).level()).isEqualTo(RiskLevel.HIGH);
    Fact again = Fact.of(EvidenceKind.BANK_CONFIRMED, ago(Duration.ofHours(1)), "970422", "FROZEN");
    assertThat(assess(report, frozen, retracted, again).counts().days90().confirmed()).isEqualTo(1);
  }

  @Test
  void afterAnUnfoundedClosureOnlyNewEvidenceCountsAndOneSourceDoesNotList() {
    List<Fact> facts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      facts.add(anonymous(ago(Duration.ofDays(10 - i)), "a" + i, true));
    }
    facts.add(Fact.of(EvidenceKind.REJECTED, ago(Duration.ofDays(5)), "PA05-66", Fact.UNFOUNDED));
    facts.add(anonymous(ago(Duration.ofHours(1)), "a9", true));
    Assessment a = TrustModel.assess(facts, NOW, SPEC);
    assertThat(a.level()).isEqualTo(RiskLevel.LOW);
    assertThat(a.listed()).isFalse();
    assertThat(a.independentSources()).isEqualTo(1);
    assertThat(a.counts().days90().rejected()).isEqualTo(3);
    assertThat(a.counts().days90().reported()).isEqualTo(1);
    assertThat(a.reasons()).extracting(Reason::text).contains("rejected by PA05-66 (unfounded)");

    // Corroborated anew: a second independent source lists it again.
    facts.add(anonymous(ago(Duration.ofMinutes(1)), "a10", true));
    Assessment again = TrustModel.assess(facts, NOW, SPEC);
    assertThat(again.level()).isEqualTo(RiskLevel.MEDIUM);
    assertThat(again.listed()).isTrue();
  }

  @Test
  void rejectedReportsAreCountedPerWindow() {
    Assessment a =
        assess(
            anonymous(ago(Duration.ofDays(200)), "a1", false),
            anonymous(ago(Duration.ofDays(30)), "a2", false),
            Fact.of(EvidenceKind.REJECTED, ago(Duration.ofDays(20)), "PA05-66", Fact.UNFOUNDED));
    assertThat(a.counts().days90().rejected()).isEqualTo(1);
    assertThat(a.counts().months12().rejected()).isEqualTo(2);
    assertThat(a.counts().years5().rejected()).isEqualTo(2);
    assertThat(a.listed()).isFalse();
  }

  @Test
  void reportsOlderThanFiveYearsStopCounting() {
    Assessment a =
        assess(
            anonymous(ago(Duration.ofDays(1900)), "a1", true),
            anonymous(ago(Duration.ofDays(1850)), "a2", true),
            anonymous(ago(Duration.ofDays(10)), "a3", true));
    assertThat(a.independentSources()).isEqualTo(1);
    assertThat(a.counts().years5().reported()).isEqualTo(1);
  }

  @Test
  void aLowListingWithoutAReportFor90DaysIsNoLongerListedButAMediumOneIs() {
    Assessment low = assess(anonymous(ago(Duration.ofDays(91)), "a1", true));
    assertThat(low.listed()).isFalse();
    assertThat(kinds(low)).contains("EXPIRED");
    assertThat(assess(anonymous(ago(Duration.ofDays(89)), "a1", true)).listed()).isTrue();
    Assessment medium =
        assess(
            anonymous(ago(Duration.ofDays(120)), "a1", true),
            anonymous(ago(Duration.ofDays(100)), "a2", true));
    assertThat(medium.listed()).isTrue();
  }

  @Test
  void anUpheldDisputeBlocksListingUntilPoliceConfirmAfterIt() {
    List<Fact> facts = new ArrayList<>();
    facts.add(anonymous(ago(Duration.ofDays(30)), "a1", true));
    facts.add(
        Fact.of(EvidenceKind.REJECTED, ago(Duration.ofDays(20)), "PA05-66", Fact.DISPUTE_UPHELD));
    for (int i = 0; i < 3; i++) {
      facts.add(anonymous(ago(Duration.ofDays(10 - i)), "b" + i, true));
    }
    Assessment blocked = TrustModel.assess(facts, NOW, SPEC);
    assertThat(blocked.level()).isEqualTo(RiskLevel.HIGH);
    assertThat(blocked.listed()).isFalse();
    assertThat(kinds(blocked)).contains("DISPUTE_UPHELD");

    facts.add(Fact.of(EvidenceKind.REVIEW_REQUESTED, ago(Duration.ofDays(7)), "PA05-66", null));
    Assessment reviewing = TrustModel.assess(facts, NOW, SPEC);
    assertThat(reviewing.underReview()).isTrue();
    assertThat(reviewing.listed()).isFalse();
    assertThat(reviewing.reasons())
        .extracting(Reason::text)
        .contains("under review after an upheld dispute");

    facts.add(Fact.of(EvidenceKind.POLICE_CONFIRMED, ago(Duration.ofDays(1)), "PA05-66", null));
    Assessment confirmed = TrustModel.assess(facts, NOW, SPEC);
    assertThat(confirmed.listed()).isTrue();
    assertThat(confirmed.underReview()).isFalse();
  }

  @Test
  void onlyASourceIndependentOfTheReportsBeforeTheDecisionAsksForAReview() {
    List<Fact> facts =
        List.of(
            Fact.report(ago(Duration.ofDays(30)), "accuser", null, "a1", false, true),
            Fact.of(
                EvidenceKind.REJECTED, ago(Duration.ofDays(20)), "PA05-66", Fact.DISPUTE_UPHELD));
    Fact again = Fact.report(NOW, "accuser", null, "a7", false, true);
    assertThat(TrustModel.reviewBy(facts, again, NOW, SPEC)).isEmpty();
    Fact independent = Fact.report(NOW, "someone-else", null, "a8", false, true);
    assertThat(TrustModel.reviewBy(facts, independent, NOW, SPEC)).contains("PA05-66");

    List<Fact> open = new ArrayList<>(facts);
    open.add(Fact.of(EvidenceKind.REVIEW_REQUESTED, ago(Duration.ofDays(1)), "PA05-66", null));
    assertThat(TrustModel.reviewBy(open, independent, NOW, SPEC)).isEmpty();
    open.add(Fact.of(EvidenceKind.REVIEW_DISMISSED, ago(Duration.ofHours(1)), "PA05-66", null));
    assertThat(TrustModel.reviewBy(open, independent, NOW, SPEC)).contains("PA05-66");
    // No dispute: nothing to review.
    assertThat(TrustModel.reviewBy(List.of(), independent, NOW, SPEC)).isEmpty();
  }

  @Test
  void nothingKnownIsNoneAndNotListed() {
    Assessment a = assess();
    assertThat(a.level()).isEqualTo(RiskLevel.NONE);
    assertThat(a.listed()).isFalse();
    assertThat(a.reasons()).isEmpty();
  }
}

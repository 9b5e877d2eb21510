package io.fraudtip.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of cases: priorities, deadlines and the legal clock. */
@ConfigMapping(prefix = "fraudtip.cases")
public interface CaseConfig {
  /** Time a unit has to acknowledge a priority-1 case before it escalates to the parent unit. */
  @WithDefault("15m")
  Duration ackDeadlineP1();

  /** Time to acknowledge a priority-2 case. */
  @WithDefault("1h")
  Duration ackDeadlineP2();

  /** Time to acknowledge a priority-3 case. */
  @WithDefault("4h")
  Duration ackDeadlineP3();

  /** Time to acknowledge a priority-4 case. */
  @WithDefault("24h")
  Duration ackDeadlineP4();

  /** How often overdue acknowledgements are looked for (also set as a scheduler expression). */
  @WithDefault("30s")
  Duration deadlineCheckInterval();

  /**
   * Time the deciding unit has to decide a dispute; the filer is told this deadline (SPEC §10).
   * Past it the dispute escalates to the parent unit, which gets this time again.
   */
  @WithDefault("7d")
  Duration disputeDecisionTime();

  /**
   * How often disputes past their deadline are looked for and escalated (also set as a scheduler
   * expression).
   */
  @WithDefault("1m")
  Duration disputeCheckInterval();

  /** Time to decide on a report (Criminal Procedure Code 2015, art. 147: 20 days). */
  @WithDefault("20d")
  Duration legalDeadline();

  /** Months from receipt to decide on a report the unit marked complex (art. 147: two months). */
  @WithDefault("2")
  int complexLegalDeadlineMonths();

  /** Months the one extension of a complex case adds (art. 147: once, by two months). */
  @WithDefault("2")
  int legalExtensionMonths();

  /** How long before the legal deadline a case counts as near it. */
  @WithDefault("3d")
  Duration legalWarning();

  /** Loss from which a case counts as large for its priority (dong). */
  @WithDefault("100000000")
  long largeLossVnd();

  /** Transfers younger than this can still be frozen: such cases come first. */
  @WithDefault("72h")
  Duration freezeWindow();

  /** The acknowledgement deadline of a priority. */
  default Duration ackDeadline(int priority) {
    return switch (priority) {
      case 1 -> ackDeadlineP1();
      case 2 -> ackDeadlineP2();
      case 3 -> ackDeadlineP3();
      default -> ackDeadlineP4();
    };
  }
}

package io.fraudtip.cases.routing;

import io.fraudtip.cases.api.Rules;
import io.fraudtip.cases.core.FraudCase;
import io.fraudtip.contracts.tips.ScamType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A routing rule's conditions on a case's facts; a null condition matches anything. The one place
 * that lists them on the service side: the columns, the match and the mapping from and to the API's
 * {@link Rules.Request} and {@link Rules.View}. A new condition is a column here (with its
 * migration), a line in {@link #matches}, {@link #of} and {@link #view}, and a field in those two
 * records.
 */
@Embeddable
public class RuleConditions {
  /** Comma-separated scam type names. */
  @Column(name = "scam_types")
  public String scamTypes;

  @Column(name = "min_total_loss_vnd")
  public Long minTotalLossVnd;

  /** Exclusive upper bound. */
  @Column(name = "max_total_loss_vnd")
  public Long maxTotalLossVnd;

  /** Independent victims (sources, SPEC §10), not tips: one caller repeating a tip is one. */
  @Column(name = "min_victims")
  public Integer minVictims;

  @Column(name = "min_provinces")
  public Integer minProvinces;

  @Column(name = "foreign_identifier")
  public Boolean foreignIdentifier;

  @Column(name = "crypto_wallet")
  public Boolean cryptoWallet;

  @Column(name = "province_code")
  public String provinceCode;

  @Column(name = "commune_code")
  public String communeCode;

  /** Whether the case meets every condition. */
  public boolean matches(FraudCase c) {
    if (scamTypes != null && !scamTypes.isBlank()) {
      boolean any =
          Arrays.stream(scamTypes.split(","))
              .map(String::trim)
              .anyMatch(t -> t.equals(c.scamType.name()));
      if (!any) {
        return false;
      }
    }
    if (minTotalLossVnd != null && c.totalLossVnd < minTotalLossVnd) {
      return false;
    }
    if (maxTotalLossVnd != null && c.totalLossVnd >= maxTotalLossVnd) {
      return false;
    }
    if (minVictims != null && c.independentSources < minVictims) {
      return false;
    }
    if (minProvinces != null && c.provinces < minProvinces) {
      return false;
    }
    if (foreignIdentifier != null && c.foreignIdentifier != foreignIdentifier) {
      return false;
    }
    if (cryptoWallet != null && c.cryptoWallet != cryptoWallet) {
      return false;
    }
    if (provinceCode != null && !provinceCode.equals(c.provinceCode)) {
      return false;
    }
    return communeCode == null || communeCode.equals(c.communeCode);
  }

  /** The conditions a rule request sets. */
  public static RuleConditions of(Rules.Request r) {
    RuleConditions when = new RuleConditions();
    when.scamTypes =
        r.scamTypes() == null || r.scamTypes().isEmpty()
            ? null
            : r.scamTypes().stream().map(Enum::name).distinct().collect(Collectors.joining(","));
    when.minTotalLossVnd = r.minTotalLossVnd();
    when.maxTotalLossVnd = r.maxTotalLossVnd();
    when.minVictims = r.minVictims();
    when.minProvinces = r.minProvinces();
    when.foreignIdentifier = r.foreignIdentifier();
    when.cryptoWallet = r.cryptoWallet();
    when.provinceCode = r.provinceCode();
    when.communeCode = r.communeCode();
    return when;
  }

  /** The API's view of a rule. */
  public static Rules.View view(RoutingRule r) {
    RuleConditions when = r.conditions();
    return new Rules.View(
        r.id,
        r.position,
        r.description,
        when.scamTypes == null
            ? List.of()
            : Arrays.stream(when.scamTypes.split(",")).map(ScamType::valueOf).toList(),
        when.minTotalLossVnd,
        when.maxTotalLossVnd,
        when.minVictims,
        when.minProvinces,
        when.foreignIdentifier,
        when.cryptoWallet,
        when.provinceCode,
        when.communeCode,
        r.targetUnit,
        r.active);
  }
}

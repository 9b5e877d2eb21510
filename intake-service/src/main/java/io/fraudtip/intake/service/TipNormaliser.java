package io.fraudtip.intake.service;

import io.fraudtip.commons.identifiers.IdentifierNormaliser;
import io.fraudtip.commons.problem.InvalidValue;
import io.fraudtip.commons.problem.ProblemMapper;
import io.fraudtip.commons.problem.Violations;
import io.fraudtip.contracts.tips.IdentifierType;
import io.fraudtip.contracts.tips.IdentifierV1;
import io.fraudtip.contracts.tips.TransferV1;
import io.fraudtip.intake.api.TipSubmission;
import io.fraudtip.intake.config.IntakeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a submission against every input rule of SPEC §4 and turns it into its normalised form.
 * Bean-validation constraints and the rules on reference data are checked in one pass, so that a
 * caller hears of every bad field in one answer. Identifiers take their normal form from the
 * platform's {@link IdentifierNormaliser}, the one case-service looks them up by.
 */
@ApplicationScoped
public class TipNormaliser {
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final Validator validator;
  private final IdentifierNormaliser identifiers;
  private final AdminUnits units;
  private final IntakeConfig config;

  TipNormaliser(
      Validator validator,
      IdentifierNormaliser identifiers,
      AdminUnits units,
      IntakeConfig config) {
    this.validator = validator;
    this.identifiers = identifiers;
    this.units = units;
    this.config = config;
  }

  /**
   * The normalised tip.
   *
   * @param unknownFields JSON paths of fields the body had that the tip has not
   * @throws io.fraudtip.commons.problem.ProblemException 400 listing every bad field
   */
  public NormalisedTip normalise(
      TipSubmission s, List<String> unknownFields, Instant now, Locale locale) {
    Violations v = new Violations(locale);
    unknownFields.forEach(f -> v.add(f, "field.unknown", Map.of("name", lastName(f))));
    validator.validate(s).forEach(c -> v.add(ProblemMapper.fieldError(c, locale)));

    Instant earliest = now.minus(config.input().maxAge());
    Instant latest = now.plus(config.input().clockSkew());
    checkTime(v, "occurredAt", s.occurredAt(), earliest, latest);

    String province = null;
    String commune = null;
    if (s.location() != null && !v.has("location.provinceCode")) {
      province = s.location().provinceCode().trim();
      if (units.province(province).isEmpty()) {
        v.add("location.provinceCode", "province.unknown", Map.of("code", province));
      } else if (s.location().communeCode() != null && !s.location().communeCode().isBlank()) {
        commune = s.location().communeCode().trim();
        String owner = units.provinceOfCommune(commune).orElse(null);
        if (owner == null) {
          v.add("location.communeCode", "commune.unknown", Map.of("code", commune));
        } else if (!owner.equals(province)) {
          v.add(
              "location.communeCode",
              "commune.province",
              Map.of("code", commune, "province", province));
        }
      }
    }

    ReporterData reporter = reporter(s.reporter(), v);

    List<TransferV1> transfers = new ArrayList<>();
    if (s.transfers() != null && !v.has("transfers")) {
      for (int i = 0; i < s.transfers().size(); i++) {
        TipSubmission.Transfer t = s.transfers().get(i);
        String at = "transfers[" + i + "]";
        if (t == null) {
          continue;
        }
        String bin = bank(v, at + ".bank", t.bank());
        String account = account(v, at + ".accountNumber", t.accountNumber());
        checkTime(v, at + ".at", t.at(), earliest, latest);
        // Without its amount the tip is refused (bean validation, in the same answer).
        if (bin != null && account != null && t.amountVnd() != null) {
          transfers.add(new TransferV1(bin, account, trim(t.accountName()), t.amountVnd(), t.at()));
        }
      }
    }

    Map<String, IdentifierV1> identifiers = new LinkedHashMap<>();
    if (s.scammer() != null) {
      identifiers(s.scammer(), v, identifiers);
    }

    v.throwIfAny();
    return new NormalisedTip(
        s.channel(),
        reporter,
        province,
        commune,
        s.occurredAt(),
        s.scamType(),
        s.description().strip(),
        s.amountLostVnd(),
        List.copyOf(transfers),
        List.copyOf(identifiers.values()));
  }

  private void identifiers(TipSubmission.Scammer sc, Violations v, Map<String, IdentifierV1> out) {
    forEach(
        sc.phones(),
        "scammer.phones",
        v,
        (field, raw) -> {
          try {
            put(out, identifiers.phone(raw));
          } catch (InvalidValue e) {
            v.add(field, e);
          }
        });
    forEach(
        sc.bankAccounts(),
        "scammer.bankAccounts",
        v,
        (field, a) -> {
          String bin = bank(v, field + ".bank", a.bank());
          String account = account(v, field + ".accountNumber", a.accountNumber());
          if (bin != null && account != null) {
            put(out, identifiers.bankAccount(bin, account));
          }
        });
    forEach(
        sc.urls(),
        "scammer.urls",
        v,
        (field, raw) -> {
          try {
            identifiers.site(raw).forEach(id -> put(out, id));
          } catch (InvalidValue e) {
            v.add(field, e);
          }
        });
    forEach(
        sc.socialAccounts(),
        "scammer.socialAccounts",
        v,
        (field, a) -> put(out, identifiers.socialAccount(a.platform().name(), a.handle())));
    forEach(
        sc.cryptoWallets(),
        "scammer.cryptoWallets",
        v,
        (field, w) -> put(out, identifiers.wallet(w)));
    forEach(
        sc.appPackages(),
        "scammer.appPackages",
        v,
        (field, p) ->
            put(out, new IdentifierV1(IdentifierType.APP_PACKAGE, p.strip(), null, null, false)));
  }

  private ReporterData reporter(TipSubmission.Reporter r, Violations v) {
    if (r == null) {
      return null;
    }
    String phone = null;
    if (r.phone() != null && !r.phone().isBlank() && !v.has("reporter.phone")) {
      try {
        phone = identifiers.phone(r.phone()).value();
      } catch (InvalidValue e) {
        v.add("reporter.phone", e);
      }
    }
    String email = blankToNull(r.email());
    if ((r.phone() == null || r.phone().isBlank()) && email == null) {
      v.add("reporter", "reporter.contact", Map.of());
    }
    return new ReporterData(
        blankToNull(r.name() == null ? null : SPACES.matcher(r.name().strip()).replaceAll(" ")),
        phone,
        email == null ? null : email.toLowerCase(Locale.ROOT),
        blankToNull(r.nationalId()));
  }

  private String bank(Violations v, String field, String typed) {
    if (typed == null || v.has(field)) {
      return null;
    }
    try {
      return identifiers.bankBin(typed);
    } catch (InvalidValue e) {
      v.add(field, e);
      return null;
    }
  }

  private String account(Violations v, String field, String typed) {
    if (typed == null || v.has(field)) {
      return null;
    }
    try {
      return identifiers.accountNumber(typed);
    } catch (InvalidValue e) {
      v.add(field, e);
      return null;
    }
  }

  private static void checkTime(
      Violations v, String field, Instant at, Instant earliest, Instant latest) {
    if (at == null || v.has(field)) {
      return;
    }
    if (at.isAfter(latest)) {
      v.add(field, "time.future", Map.of());
    } else if (at.isBefore(earliest)) {
      v.add(field, "time.tooOld", Map.of("earliest", earliest.toString()));
    }
  }

  private static <T> void forEach(
      List<T> list, String field, Violations v, java.util.function.BiConsumer<String, T> action) {
    if (list == null || v.has(field)) {
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      String at = field + "[" + i + "]";
      // An element with a bad field (a null platform, a blank handle) was refused as it was read.
      if (list.get(i) != null && !v.hasWithin(at)) {
        action.accept(at, list.get(i));
      }
    }
  }

  private static void put(Map<String, IdentifierV1> out, IdentifierV1 id) {
    out.putIfAbsent(id.type() + " " + id.value(), id);
  }

  private static String lastName(String path) {
    String name = path.substring(path.lastIndexOf('.') + 1);
    return name.replaceAll("\\[\\d+]$", "");
  }

  private static String trim(String s) {
    return blankToNull(s);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}

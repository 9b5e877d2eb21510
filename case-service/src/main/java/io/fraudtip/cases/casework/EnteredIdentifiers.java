package io.fraudtip.cases.casework;

import io.fraudtip.cases.api.CaseWorkRequests.AddIdentifier;
import io.fraudtip.cases.linking.Identifiers.Candidate;
import io.fraudtip.commons.identifiers.IdentifierNormaliser;
import io.fraudtip.commons.problem.InvalidValue;
import io.fraudtip.commons.problem.Violations;
import io.fraudtip.contracts.tips.IdentifierType;
import io.fraudtip.contracts.tips.IdentifierV1;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An identifier a unit typed, in the platform's one normal form ({@link IdentifierNormaliser}, the
 * form intake gives tips' identifiers and the watchlist looks them up by), or a 400 naming every
 * bad field. A bank account is named as tips name it (bank and account number); a URL stands for
 * itself and its registrable domain, as in a tip.
 */
@ApplicationScoped
class EnteredIdentifiers {
  // The forms intake accepts in a tip (TipSubmission.Scammer).
  private static final Pattern WALLET = Pattern.compile("[A-Za-z0-9:_\\-]{20,120}");
  private static final Pattern PACKAGE =
      Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)+");

  private final IdentifierNormaliser normaliser;

  EnteredIdentifiers(IdentifierNormaliser normaliser) {
    this.normaliser = normaliser;
  }

  /**
   * The identifier's forms as candidates of layer 1.
   *
   * @throws io.fraudtip.commons.problem.ProblemException 400 listing every bad field
   */
  List<Candidate> candidates(AddIdentifier r, Locale locale) {
    Violations v = new Violations(locale);
    List<IdentifierV1> forms = List.of();
    if (r.type() == IdentifierType.BANK_ACCOUNT) {
      if (r.value() != null) {
        v.add("value", "identifier.accountFields", Map.of());
      }
      String bin = part(v, "bank", r.bank(), normaliser::bankBin);
      String account = part(v, "accountNumber", r.accountNumber(), normaliser::accountNumber);
      if (bin != null && account != null) {
        forms = List.of(normaliser.bankAccount(bin, account));
      }
    } else {
      if (r.bank() != null || r.accountNumber() != null) {
        v.add(
            r.bank() != null ? "bank" : "accountNumber",
            "identifier.accountOnly",
            Map.of("type", r.type()));
      }
      if (r.value() == null || r.value().isBlank()) {
        v.add("value", "identifier.blank", Map.of());
      } else {
        try {
          forms = forms(r.type(), r.value().strip());
        } catch (InvalidValue e) {
          v.add("value", e);
        }
      }
    }
    v.throwIfAny();
    return forms.stream()
        .map(i -> new Candidate(i.type(), i.value(), i.bankBin(), i.foreign(), 1))
        .toList();
  }

  /** The forms of an identifier of any type but a bank account, as intake makes them. */
  private List<IdentifierV1> forms(IdentifierType type, String typed) {
    return switch (type) {
      case PHONE -> List.of(normaliser.phone(typed));
      case URL -> normaliser.site(typed);
      // A domain typed with a path or a scheme is still the domain; an IP address has none.
      case DOMAIN -> {
        List<IdentifierV1> domains =
            normaliser.site(typed).stream().filter(i -> i.type() == IdentifierType.DOMAIN).toList();
        if (domains.isEmpty()) {
          throw new InvalidValue("url.domain");
        }
        yield domains;
      }
      case SOCIAL_ACCOUNT -> normaliser.normalise(type, typed);
      case CRYPTO_WALLET ->
          List.of(normaliser.wallet(checked(type, typed, WALLET, "wallet.invalid").value()));
      case APP_PACKAGE -> List.of(checked(type, typed, PACKAGE, "package.invalid"));
      case BANK_ACCOUNT -> throw new IllegalArgumentException("a bank account has its own fields");
    };
  }

  private static IdentifierV1 checked(
      IdentifierType type, String typed, Pattern form, String code) {
    if (typed.length() > 150 || !form.matcher(typed).matches()) {
      throw new InvalidValue(code);
    }
    return new IdentifierV1(type, typed, null, null, false);
  }

  private static String part(
      Violations v, String field, String typed, java.util.function.UnaryOperator<String> check) {
    if (typed == null || typed.isBlank()) {
      v.add(field, "NotBlank", Map.of());
      return null;
    }
    try {
      return check.apply(typed);
    } catch (InvalidValue e) {
      v.add(field, e);
      return null;
    }
  }
}

package io.fraudtip.cases.api;

import io.fraudtip.commons.problem.CleanText;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * What a police officer searches the unit's cases by: what they hold in hand (a phone number, an
 * account, a URL, a case reference, a tip's tracking code) and where, what and when. As typed; the
 * police search checks and normalises them (a bad one is a 400 naming it).
 */
public class CaseFilter {
  @QueryParam("identifier")
  @Parameter(
      description =
          "A scammer identifier as people type it, normalised as intake stores it: a phone in any"
              + " form (an old 11-digit mobile too), an account as bank:number (bank by BIN, code"
              + " or name) or a bare number (any bank), a URL (also finds its registrable domain),"
              + " a domain, PLATFORM:handle, a wallet or an app package. Its type is inferred"
              + " unless identifierType says it",
      example = "01688 123 456",
      examples = {
        @ExampleObject(name = "old 11-digit mobile", value = "01688 123 456"),
        @ExampleObject(name = "phone", value = "+84 912 345 678"),
        @ExampleObject(name = "account at a bank", value = "VCB:0123 456 789"),
        @ExampleObject(name = "bare account number", value = "0123456789"),
        @ExampleObject(name = "URL", value = "https://BoCongAn-XacMinh.com/tra-cuu")
      })
  @Size(max = 400)
  @Pattern(regexp = CleanText.REGEX, message = "{" + CleanText.CODE + "}")
  public String identifier;

  @QueryParam("identifierType")
  @Parameter(
      description =
          "The identifier's type, when inference is not wanted: PHONE, BANK_ACCOUNT, URL, DOMAIN,"
              + " SOCIAL_ACCOUNT, CRYPTO_WALLET, APP_PACKAGE",
      example = "PHONE")
  @Size(max = 40)
  public String identifierType;

  @QueryParam("reference")
  @Parameter(description = "The case reference (VN- may be left out)", example = "VN-1A2B3C4D")
  @Size(max = 40)
  public String reference;

  @QueryParam("trackingCode")
  @Parameter(
      description =
          "The tracking code of a tip in the case, as the citizen reads it (case, dashes and"
              + " Crockford's look-alikes O/I/L do not matter)",
      example = "7KQ2-M9XD-4T")
  @Size(max = 40)
  public String trackingCode;

  @QueryParam("province")
  @Parameter(
      description = "Province code (2 digits): cases with a victim in that province",
      example = "66")
  @Size(max = 10)
  public String province;

  @QueryParam("scamType")
  @Parameter(
      description = "Scam type of the case (PHISHING_FAKE_SITE, INVESTMENT_CRYPTO, …)",
      example = "IMPERSONATION_AUTHORITY")
  @Size(max = 60)
  public String scamType;

  @QueryParam("openedFrom")
  @Parameter(
      description =
          "Cases opened at or after: an instant, or a date (from its start, Vietnam time)",
      example = "2026-10-01",
      examples = {
        @ExampleObject(name = "date", value = "2026-10-01"),
        @ExampleObject(name = "instant", value = "2026-10-01T00:00:00+07:00")
      })
  @Size(max = 40)
  public String openedFrom;

  @QueryParam("openedTo")
  @Parameter(
      description = "Cases opened before: an instant, or a date (up to its end, Vietnam time)",
      example = "2026-12-31")
  @Size(max = 40)
  public String openedTo;

  /** The language of the 400 answers (English or Vietnamese). */
  @HeaderParam("Accept-Language")
  @Parameter(hidden = true)
  public String acceptLanguage;
}

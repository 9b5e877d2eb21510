package io.fraudtip.commons.identifiers;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.fraudtip.commons.problem.InvalidValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Phone numbers to E.164 with libphonenumber, Vietnam by default. An old 11-digit mobile number
 * (before the 2018-2019 conversion) is first converted with the bundled prefix table {@code
 * vn-mobile-prefix-2018.csv} (beside this class; see the README there), so a number a victim quotes
 * from an old message links to today's. A number from abroad is kept with its region and flagged as
 * foreign. Use it through {@link IdentifierNormaliser}.
 */
public class PhoneNormaliser {
  static final String RESOURCE = "vn-mobile-prefix-2018.csv";
  static final String HOME_REGION = "VN";

  /**
   * A normalised phone number.
   *
   * @param e164 the number in E.164, e.g. {@code +84869123456}
   * @param region ISO 3166 region of the number ({@code 001} for non-geographic numbers)
   * @param foreign true when the number is not Vietnamese
   */
  public record Phone(String e164, String region, boolean foreign) {}

  // Compiled once: String.replaceAll compiles its pattern on every call, on every tip.
  private static final Pattern SEPARATORS = Pattern.compile("[\\s.()\\-]");

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
  private final Map<String, String> newPrefixByOld = readPrefixes();

  private static Map<String, String> readPrefixes() {
    Map<String, String> newPrefixByOld = new HashMap<>();
    try (InputStream in = PhoneNormaliser.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      lines.readLine(); // header: old_prefix,new_prefix,operator
      String line;
      while ((line = lines.readLine()) != null) {
        String[] f = line.split(",", -1);
        if (f.length >= 2 && !f[0].isBlank()) {
          newPrefixByOld.put(f[0].trim(), f[1].trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(newPrefixByOld);
  }

  /**
   * The number in E.164.
   *
   * @throws InvalidValue {@code phone.invalid} when it is not a valid number
   */
  public Phone normalise(String typed) {
    if (typed == null) {
      throw new InvalidValue("phone.invalid");
    }
    String compact = SEPARATORS.matcher(typed.strip()).replaceAll("");
    // libphonenumber reads letters as keypad digits: a masked "09123xxxxx" would become
    // +84912399999,
    // someone else's number.
    if (compact.chars().anyMatch(Character::isLetter)) {
      throw new InvalidValue("phone.invalid");
    }
    String number = convertOldMobile(compact);
    try {
      PhoneNumber parsed = util.parse(number, HOME_REGION);
      if (!util.isValidNumber(parsed)) {
        throw new InvalidValue("phone.invalid");
      }
      String region = util.getRegionCodeForNumber(parsed);
      return new Phone(
          util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164),
          region,
          !HOME_REGION.equals(region));
    } catch (NumberParseException e) {
      throw new InvalidValue("phone.invalid");
    }
  }

  /**
   * An old 11-digit Vietnamese mobile number in today's 10-digit national form; a Vietnamese number
   * written with its trunk 0 after the country code ({@code +84 0869…}, {@code +84 01688…}, as
   * people copy a local number behind +84) in its national form; else as given.
   */
  String convertOldMobile(String compact) {
    String national;
    boolean withCountryCode = true;
    if (compact.startsWith("+84")) {
      national = "0" + compact.substring(3);
    } else if (compact.startsWith("0084")) {
      national = "0" + compact.substring(4);
    } else if (compact.startsWith("84")
        && (compact.length() == 12 || compact.length() == 13 && compact.charAt(2) == '0')) {
      national = "0" + compact.substring(2);
    } else {
      national = compact;
      withCountryCode = false;
    }
    boolean trunkDropped = false;
    if (withCountryCode && national.startsWith("00")) {
      national = national.substring(1);
      trunkDropped = true;
    }
    if (national.length() == 11
        && national.startsWith("01")
        && national.chars().allMatch(Character::isDigit)) {
      String newPrefix = newPrefixByOld.get(national.substring(0, 4));
      if (newPrefix != null) {
        return newPrefix + national.substring(4);
      }
    }
    return trunkDropped ? national : compact;
  }
}

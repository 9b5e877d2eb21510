package io.fraudtip.intake.service;

import io.fraudtip.commons.ratelimit.SourceNetworks;
import io.fraudtip.contracts.tips.TipSourceV1;
import io.fraudtip.intake.config.IntakeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A tip's source as keys (SPEC §10): HMAC-SHA256 under a key derived from the personal-data key, so
 * that consumers can tell two tips of one reporter, client or address apart from others without
 * being able to recover the phone number or address by trying them all (a plain hash of a phone
 * number falls to a search of the ten million numbers of a prefix).
 */
@ApplicationScoped
public class SourceKeys {
  /** Hex digits kept of each key: 128 bits, more than enough to tell sources apart. */
  private static final int KEY_HEX = 32;

  private final SecretKeySpec key;

  @Inject
  SourceKeys(IntakeConfig config) {
    this(config.personalData().key());
  }

  /** Keys derived from a Base64 personal-data key. */
  public SourceKeys(String base64PersonalDataKey) {
    byte[] master = Base64.getDecoder().decode(base64PersonalDataKey.strip());
    // A key of its own (never the sealing key itself), derived once.
    this.key =
        new SecretKeySpec(
            hmac(new SecretKeySpec(master, "HmacSHA256"), "source-keys/v1"), "HmacSHA256");
  }

  /**
   * The source of a tip.
   *
   * @param reporter the reporter's normalised data, or null for an anonymous tip
   */
  public TipSourceV1 of(TipOrigin origin, ReporterData reporter) {
    // A police tip naming no reporter is the unit's own report: one reporter however many it
    // sends, so that its tips never count as independent sources of one another (SPEC §10).
    String reporterKey =
        reporter != null
            ? keyOf("reporter", contact(reporter))
            : origin.police() ? keyOf("reporter", "police:" + origin.client()) : null;
    boolean verified = origin.police() || (origin.reporterClient() && reporterKey != null);
    return new TipSourceV1(
        reporterKey,
        keyOf("client", origin.client()),
        keyOf("address", SourceNetworks.of(origin.address())),
        verified);
  }

  /** The contact that identifies a reporter: phone, else e-mail, else id number, else name. */
  private static String contact(ReporterData r) {
    if (r.phone() != null) {
      return "phone:" + r.phone();
    }
    if (r.email() != null) {
      return "email:" + r.email().toLowerCase(Locale.ROOT);
    }
    if (r.nationalId() != null) {
      return "id:" + r.nationalId();
    }
    return r.name() == null ? null : "name:" + r.name().strip().toLowerCase(Locale.ROOT);
  }

  private String keyOf(String kind, String value) {
    return value == null
        ? null
        : HexFormat.of().formatHex(hmac(key, kind + "|" + value)).substring(0, KEY_HEX);
  }

  private static byte[] hmac(SecretKeySpec key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has HmacSHA256", e);
    }
  }
}

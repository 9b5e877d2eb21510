package io.fraudtip.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of police reads of a reporter's contact: case-service checks and logs each read, then
 * asks intake, which alone holds the sealed data, with a signed call.
 */
@ConfigMapping(prefix = "fraudtip.contact-reads")
public interface ContactConfig {
  /** intake-service's base URL, where the signed contact call goes. */
  @WithDefault("http://localhost:8081")
  URI intakeUrl();

  /**
   * The key (at least 32 bytes, Base64) that signs the call to intake; the same value as intake's
   * {@code fraudtip.intake.contact-reads.key}. Unset: contact reads answer 503. Production sets
   * {@code FRAUDTIP_CONTACT_READS_KEY}.
   */
  Optional<String> key();

  /** How long intake may take to answer before the read fails (503; the attempt stays logged). */
  @WithDefault("5s")
  Duration timeout();
}

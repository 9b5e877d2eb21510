package io.fraudtip.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the checks on banks' answers to alerts (SPEC §10 "Bank answers"). */
@ConfigMapping(prefix = "fraudtip.answers")
public interface AnswerConfig {
  /**
   * How far in the future an onward transfer's time may be, for the difference between the bank's
   * clock and this service's: a later time is refused as {@code time.future}.
   */
  @WithDefault("2m")
  Duration clockSkew();
}

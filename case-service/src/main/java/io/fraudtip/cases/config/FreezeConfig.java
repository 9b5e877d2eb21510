package io.fraudtip.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of police freeze requests: how long holds last and how far standing orders reach. */
@ConfigMapping(prefix = "fraudtip.freezes")
public interface FreezeConfig {
  /**
   * How long a requested hold lasts unless the unit extends it (India's 2026 SOP: 90 days without a
   * court order).
   */
  @WithDefault("90d")
  Duration holdDuration();

  /** How long a standing order to follow the money trail lasts when the unit gives no end. */
  @WithDefault("7d")
  Duration standingOrderDefault();

  /** The longest a standing order may last: a unit asks again for more. */
  @WithDefault("30d")
  Duration standingOrderMax();

  /** The deepest layer a standing order may reach (layer 1 is the account a victim paid). */
  @WithDefault("5")
  int standingOrderMaxLayer();
}

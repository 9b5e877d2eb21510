package io.fraudtip.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Settings of police freeze requests: how long holds last, how far they may be extended, and how
 * far standing orders reach.
 */
@ConfigMapping(prefix = "fraudtip.freezes")
public interface FreezeConfig {
  /**
   * How long a requested hold lasts unless the unit extends it (India's 2026 SOP: 90 days without a
   * court order).
   */
  @WithDefault("90d")
  Duration holdDuration();

  /**
   * How far from now the unit may extend a hold at a time (the new expiry is after the current one
   * and at most this far ahead): longer holds need a court order, not a click.
   */
  @WithDefault("90d")
  Duration maxExtension();

  /**
   * How often holds past their expiry are marked expired and their banks told ({@code
   * hold.expired}).
   */
  @WithDefault("1m")
  Duration expiryCheckInterval();

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

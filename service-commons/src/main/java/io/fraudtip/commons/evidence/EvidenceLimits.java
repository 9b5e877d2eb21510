package io.fraudtip.commons.evidence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bounds of evidence files, the same in every service that takes them. */
@ConfigMapping(prefix = "fraudtip.evidence")
public interface EvidenceLimits {
  /**
   * Largest evidence file, in bytes: a larger upload is refused with 413 before it is read (the
   * request body limit of upload paths, see {@code BodySizeLimit}).
   */
  @WithDefault("10485760")
  long maxBytes();

  /** Most files attached to one tip (by its reporter) or to one case (by its unit). */
  @WithDefault("10")
  int maxFiles();

  /**
   * Most bytes of uploads a service holds in memory at once (each is read whole before it is
   * stored): one past it is answered 503 with Retry-After, before its body is read. One upload
   * alone is always taken.
   */
  @WithDefault("25165824")
  long inFlightBytes();
}

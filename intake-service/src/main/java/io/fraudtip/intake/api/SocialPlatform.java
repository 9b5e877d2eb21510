package io.fraudtip.intake.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Social networks and messengers scammers contact victims on. */
@Schema(description = "Social network or messenger of a scammer's account")
public enum SocialPlatform {
  ZALO,
  FACEBOOK,
  MESSENGER,
  TELEGRAM,
  TIKTOK,
  INSTAGRAM,
  VIBER,
  WHATSAPP,
  SKYPE,
  X,
  OTHER
}

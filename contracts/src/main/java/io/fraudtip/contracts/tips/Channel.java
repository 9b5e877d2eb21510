package io.fraudtip.contracts.tips;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** How a tip reached the platform. */
public enum Channel {
  MOBILE_APP,
  WEB,
  HOTLINE,
  CHATBOT,
  /** Also what a channel this reader does not know reads as, in an event. */
  @JsonEnumDefaultValue
  OTHER
}

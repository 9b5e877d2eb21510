package io.fraudtip.contracts.tips;

/** How a tip reached the platform. */
public enum Channel {
  MOBILE_APP,
  WEB,
  HOTLINE,
  CHATBOT,
  OTHER
}

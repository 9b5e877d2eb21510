package io.fraudtip.notification.rest;

import io.fraudtip.commons.security.Caller;
import java.util.Optional;

/** What a caller may see: a bank is limited to its own BIN, an operator sees every bank. */
final class BankScope {
  private BankScope() {}

  static Optional<String> of(Caller caller) {
    if (caller.isOperator()) {
      return Optional.empty();
    }
    // A bank token without a bank claim sees nothing rather than everything.
    return Optional.of(caller.bank().orElse("-"));
  }
}

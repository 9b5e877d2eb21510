package io.fraudtip.commons.banks;

import io.fraudtip.contracts.banks.BankDirectory;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one bank directory of a service, read once from the data bundled with {@code contracts}. */
public class Banks {
  @Produces
  @Singleton
  BankDirectory directory() {
    return new BankDirectory();
  }
}

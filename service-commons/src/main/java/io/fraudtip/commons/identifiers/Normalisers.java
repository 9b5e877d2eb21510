package io.fraudtip.commons.identifiers;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The identifier normaliser of a service: the platform's one instance. */
public class Normalisers {
  @Produces
  @Singleton
  IdentifierNormaliser identifiers() {
    return IdentifierNormaliser.standard();
  }
}

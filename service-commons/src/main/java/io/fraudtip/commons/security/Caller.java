package io.fraudtip.commons.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, from the verified bearer token: role, police unit, bank. */
@RequestScoped
public class Caller {
  @Inject JsonWebToken token;

  public boolean isAuthenticated() {
    return token != null && token.getRawToken() != null;
  }

  public boolean isOperator() {
    return hasRole(Roles.OPERATOR);
  }

  public boolean isPolice() {
    return hasRole(Roles.POLICE);
  }

  public boolean isBank() {
    return hasRole(Roles.BANK);
  }

  public boolean hasRole(String role) {
    return isAuthenticated() && token.getGroups().contains(role);
  }

  /** The police unit code of a police token. */
  public Optional<String> unit() {
    return claim("unit");
  }

  /** The NAPAS BIN of a bank token. */
  public Optional<String> bank() {
    return claim("bank");
  }

  /** The token's subject, for audit trails. */
  public String subject() {
    return isAuthenticated() ? token.getSubject() : "anonymous";
  }

  private Optional<String> claim(String name) {
    if (!isAuthenticated()) {
      return Optional.empty();
    }
    Object value = token.getClaim(name);
    return value == null ? Optional.empty() : Optional.of(value.toString().replace("\"", ""));
  }
}

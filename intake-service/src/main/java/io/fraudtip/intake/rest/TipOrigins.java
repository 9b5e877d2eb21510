package io.fraudtip.intake.rest;

import io.fraudtip.commons.crypto.Hashes;
import io.fraudtip.commons.security.Roles;
import io.fraudtip.intake.service.TipOrigin;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who sent the tip being submitted: source address, client and the token's roles. The address is
 * the connection's peer, or the forwarded one only where {@code quarkus.http.proxy.*} says the
 * proxy in front is trusted (never by default: a caller must not choose its own address).
 */
@RequestScoped
public class TipOrigins {
  private final HttpServerRequest request;
  private final SecurityIdentity identity;

  TipOrigins(HttpServerRequest request, SecurityIdentity identity) {
    this.request = request;
    this.identity = identity;
  }

  public TipOrigin current() {
    SocketAddress remote = request.remoteAddress();
    String address = remote == null ? null : remote.hostAddress();
    boolean anonymous = identity == null || identity.isAnonymous();
    String client = null;
    boolean police = !anonymous && identity.hasRole(Roles.POLICE);
    if (police
        && identity.getPrincipal() instanceof JsonWebToken jwt
        && jwt.getClaim("unit") != null) {
      // A unit is one source, whichever of its officers sends (as its entries by hand are).
      client = "unit:" + jwt.getClaim("unit").toString().replace("\"", "");
    } else if (!anonymous && identity.getPrincipal() != null) {
      client = "sub:" + identity.getPrincipal().getName();
    } else {
      String key = request.getHeader(RateLimitFilter.API_KEY);
      if (key != null && !key.isBlank()) {
        client = "key:" + Hashes.sha256(key.strip());
      }
    }
    return new TipOrigin(
        address, client, !anonymous && identity.hasRole(Roles.REPORTER_CLIENT), police);
  }
}

package io.fraudtip.commons.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Puts {@link VerifiedTokens} in front of the parser that checks each request's bearer token
 * (Quarkus' MP-JWT validator calls {@link #parse(String)}); the other methods pass through.
 */
@Decorator
@Priority(10)
abstract class CachingJwtParser implements JWTParser {
  @Inject @Delegate @Any JWTParser delegate;
  @Inject VerifiedTokens verified;

  @Override
  public JsonWebToken parse(String token) throws ParseException {
    return verified.verify(token, delegate::parse);
  }
}

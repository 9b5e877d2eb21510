package io.fraudtip.localstack.security;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Mints the bearer tokens of SPEC §7: {@code groups} names the role, {@code unit} the police unit,
 * {@code bank} the bank's BIN.
 */
public final class Tokens {
  /** Issuer the services expect ({@code mp.jwt.verify.issuer}). */
  public static final String ISSUER = "https://fraudtip.local/issuer";

  /** Audience the services expect ({@code mp.jwt.verify.audiences}). */
  public static final String AUDIENCE = "fraudtip";

  /**
   * Longest lifetime worth giving: the services refuse tokens older than this ({@code
   * mp.jwt.verify.token.age}), whatever their expiry.
   */
  public static final Duration MAX_AGE = Duration.ofHours(24);

  public static final String OPERATOR = "operator";
  public static final String POLICE = "police";
  public static final String BANK = "bank";
  public static final String REPORTER_CLIENT = "reporter-client";

  private final PrivateKey signingKey;
  private final Duration lifetime;

  public Tokens(SigningKeys keys, Duration lifetime) {
    this(keys.privateKey(), lifetime);
  }

  private Tokens(PrivateKey signingKey, Duration lifetime) {
    this.signingKey = signingKey;
    this.lifetime = lifetime;
  }

  /** A token for an operator. */
  public String operator(String subject) {
    return sign(subject, OPERATOR, null, null);
  }

  /** A token for an officer of a police unit. */
  public String police(String unitCode) {
    return sign("officer@" + unitCode, POLICE, "unit", unitCode);
  }

  /** A token for a bank, named by its NAPAS BIN. */
  public String bank(String bin) {
    return sign("bank-" + bin, BANK, "bank", bin);
  }

  /**
   * A token for a trusted reporting client (a national app that verified its citizens): tips it
   * sends with a named reporter count as verified (SPEC §10).
   */
  public String reporterClient(String name) {
    return sign("client-" + name, REPORTER_CLIENT, null, null);
  }

  /** An operator token that expired an hour ago, correctly signed: must be refused. */
  public String expiredOperator() {
    return serialize(
        claims("operator@expired", OPERATOR, null, null, Instant.now().minusSeconds(3600)), true);
  }

  /**
   * The claims of a valid operator token with {@code alg=none} and no signature: must be refused.
   */
  public String unsignedOperator() {
    return serialize(
        claims("operator@unsigned", OPERATOR, null, null, Instant.now().plus(lifetime)), false);
  }

  /** An operator token, correctly signed and unexpired, meant for another audience. */
  public String operatorFor(String audience) {
    JwtClaims claims =
        claims("operator@elsewhere", OPERATOR, null, null, Instant.now().plus(lifetime));
    claims.setAudience(audience);
    return serialize(claims, true);
  }

  /** An operator token issued {@code age} ago, correctly signed and unexpired. */
  public String operatorIssued(Duration age) {
    JwtClaims claims = claims("operator@old", OPERATOR, null, null, Instant.now().plus(lifetime));
    claims.setIssuedAt(NumericDate.fromSeconds(Instant.now().minus(age).getEpochSecond()));
    return serialize(claims, true);
  }

  private String sign(String subject, String group, String claim, String value) {
    return serialize(claims(subject, group, claim, value, Instant.now().plus(lifetime)), true);
  }

  private static JwtClaims claims(
      String subject, String group, String claim, String value, Instant expiry) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(ISSUER);
    claims.setAudience(AUDIENCE);
    claims.setSubject(subject);
    claims.setClaim("upn", subject);
    claims.setStringListClaim("groups", List.of(group));
    if (claim != null) {
      claims.setClaim(claim, value);
    }
    claims.setIssuedAt(
        NumericDate.fromSeconds(
            Math.min(Instant.now().getEpochSecond(), expiry.getEpochSecond() - 60)));
    claims.setExpirationTime(NumericDate.fromSeconds(expiry.getEpochSecond()));
    claims.setGeneratedJwtId();
    return claims;
  }

  private String serialize(JwtClaims claims, boolean signed) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setHeader("typ", "JWT");
    if (!signed) {
      // jose4j refuses to produce alg=none unless told that is what is wanted.
      jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
      jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
    } else {
      jws.setKey(signingKey);
      jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    }
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("could not sign a token", e);
    }
  }

  /** An operator token signed by a key the services do not know: must be refused. */
  public static String forged() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return new Tokens(generator.generateKeyPair().getPrivate(), Duration.ofHours(1))
          .operator("forger");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

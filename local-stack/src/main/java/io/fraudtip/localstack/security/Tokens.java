package io.fraudtip.localstack.security;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

  private String sign(String subject, String group, String claim, String value) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(ISSUER);
    claims.setSubject(subject);
    claims.setClaim("upn", subject);
    claims.setStringListClaim("groups", List.of(group));
    if (claim != null) {
      claims.setClaim(claim, value);
    }
    claims.setIssuedAtToNow();
    claims.setExpirationTime(
        NumericDate.fromSeconds(Instant.now().plus(lifetime).getEpochSecond()));
    claims.setGeneratedJwtId();
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(signingKey);
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setHeader("typ", "JWT");
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

package io.fraudtip.localstack.security;

import io.smallrye.jwt.build.Jwt;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Set;

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
    return Jwt.issuer(ISSUER)
        .subject(subject)
        .upn(subject)
        .groups(Set.of(OPERATOR))
        .expiresIn(lifetime)
        .jws()
        .sign(signingKey);
  }

  /** A token for an officer of a police unit. */
  public String police(String unitCode) {
    return Jwt.issuer(ISSUER)
        .subject("officer@" + unitCode)
        .upn("officer@" + unitCode)
        .groups(Set.of(POLICE))
        .claim("unit", unitCode)
        .expiresIn(lifetime)
        .jws()
        .sign(signingKey);
  }

  /** A token for a bank, named by its NAPAS BIN. */
  public String bank(String bin) {
    return Jwt.issuer(ISSUER)
        .subject("bank-" + bin)
        .upn("bank-" + bin)
        .groups(Set.of(BANK))
        .claim("bank", bin)
        .expiresIn(lifetime)
        .jws()
        .sign(signingKey);
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

package io.fraudtip.commons.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

/**
 * Reads the key that verifies bearer tokens at start-up: a missing, unreadable or malformed key
 * fails the start with the setting's name, instead of every request answering 401 later. A key
 * served over http(s) (an OIDC provider's JWKS) is fetched by the verifier and not checked here.
 */
@ApplicationScoped
public class JwtKeyCheck {
  static final String LOCATION = "mp.jwt.verify.publickey.location";
  static final String INLINE = "mp.jwt.verify.publickey";

  @ConfigProperty(name = LOCATION)
  Optional<String> location;

  @ConfigProperty(name = INLINE)
  Optional<String> inline;

  void onStart(@Observes StartupEvent event) {
    check(location, inline);
  }

  /** Fails with an {@link IllegalStateException} naming the setting when the key is unusable. */
  static void check(Optional<String> location, Optional<String> inline) {
    // SmallRye JWT's own default for an absent inline key is "NONE".
    if (inline.filter(s -> !s.isBlank() && !s.equals("NONE")).isPresent()) {
      parse(inline.get(), INLINE);
      return;
    }
    String where =
        location
            .filter(s -> !s.isBlank() && !s.equals("NONE"))
            .orElseThrow(
                () -> new IllegalStateException(LOCATION + " is not set: no key verifies tokens"));
    if (where.startsWith("http://") || where.startsWith("https://")) {
      return;
    }
    parse(read(where), LOCATION + " (" + where + ")");
  }

  private static String read(String where) {
    try {
      if (where.startsWith("classpath:")) {
        String resource = where.substring("classpath:".length()).replaceFirst("^/", "");
        try (InputStream in =
            Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
          if (in == null) {
            throw new NoSuchFileException(resource);
          }
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      Path path = Path.of(where.startsWith("file:") ? where.substring("file:".length()) : where);
      return Files.readString(path);
    } catch (IOException e) {
      throw new IllegalStateException(
          LOCATION + " (" + where + ") cannot be read: " + e.getClass().getSimpleName(), e);
    }
  }

  /** Accepts a PEM or Base64 X.509 public key, a JWK or a JWK set. */
  static void parse(String content, String setting) {
    String text = content.strip();
    try {
      if (text.startsWith("{")) {
        if (text.contains("\"keys\"")) {
          if (new JsonWebKeySet(text).getJsonWebKeys().isEmpty()) {
            throw new IllegalStateException(setting + " is a JWK set without keys");
          }
        } else {
          JsonWebKey.Factory.newJwk(text);
        }
        return;
      }
      String base64 = text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
      KeyFactory.getInstance("RSA")
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (JoseException | GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          setting + " does not hold a usable RSA public key (PEM, JWK or JWK set)", e);
    }
  }
}

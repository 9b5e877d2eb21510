package io.fraudtip.localstack.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The RS256 key pair a local stack signs its tokens with. The services get only the public key (PEM
 * file); production points them at an OIDC provider's keys instead.
 */
public final class SigningKeys {
  public static final String PUBLIC_KEY_FILE = "jwt-public.pem";
  public static final String PRIVATE_KEY_FILE = "jwt-private.pem";

  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final Path publicKeyFile;

  private SigningKeys(PrivateKey privateKey, PublicKey publicKey, Path publicKeyFile) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.publicKeyFile = publicKeyFile;
  }

  /** Loads the pair kept in the directory, or makes one and keeps it there. */
  public static SigningKeys loadOrCreate(Path directory) {
    Path pub = directory.resolve(PUBLIC_KEY_FILE);
    Path priv = directory.resolve(PRIVATE_KEY_FILE);
    try {
      Files.createDirectories(directory);
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      if (Files.exists(pub) && Files.exists(priv)) {
        return new SigningKeys(
            rsa.generatePrivate(new PKCS8EncodedKeySpec(readPem(priv))),
            rsa.generatePublic(new X509EncodedKeySpec(readPem(pub))),
            pub);
      }
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      writePem(priv, "PRIVATE KEY", pair.getPrivate().getEncoded());
      writePem(pub, "PUBLIC KEY", pair.getPublic().getEncoded());
      return new SigningKeys(pair.getPrivate(), pair.getPublic(), pub);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA keys unavailable", e);
    }
  }

  public PrivateKey privateKey() {
    return privateKey;
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  /** The PEM file of the public key, for {@code mp.jwt.verify.publickey.location}. */
  public Path publicKeyFile() {
    return publicKeyFile;
  }

  private static byte[] readPem(Path file) throws IOException {
    String body = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(body);
  }

  private static void writePem(Path file, String type, byte[] der) throws IOException {
    String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    Files.writeString(
        file, "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n");
  }
}

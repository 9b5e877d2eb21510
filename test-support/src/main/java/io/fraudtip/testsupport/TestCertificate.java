package io.fraudtip.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for one DNS name and its private key, made by the JDK's own {@code
 * keytool} (the JDK has no public API that makes a certificate, and keytool spares the tests a
 * library): a PKCS #12 key store and the certificate in PEM. Self-signed, it is its own authority:
 * a trust store that holds it trusts this certificate and no other.
 */
public final class TestCertificate {
  /** The password of every test key store, and of its key. */
  public static final String PASSWORD = "changeit";

  private final Path keyStore;
  private final Path pem;

  private TestCertificate(Path keyStore, Path pem) {
    this.keyStore = keyStore;
    this.pem = pem;
  }

  /** Makes {@code <name>.p12} and {@code <name>.crt} in the directory, valid for a week. */
  public static TestCertificate create(Path directory, String name, String dnsName) {
    Path keyStore = directory.resolve(name + ".p12");
    Path pem = directory.resolve(name + ".crt");
    try {
      Files.createDirectories(directory);
      keytool(
          "-genkeypair",
          "-alias",
          name,
          "-keyalg",
          "EC",
          "-groupname",
          "secp256r1",
          "-dname",
          "CN=" + dnsName,
          "-ext",
          "SAN=dns:" + dnsName,
          "-validity",
          "7",
          "-storetype",
          "PKCS12",
          "-keystore",
          keyStore.toString(),
          "-storepass",
          PASSWORD,
          "-keypass",
          PASSWORD);
      keytool(
          "-exportcert",
          "-rfc",
          "-alias",
          name,
          "-keystore",
          keyStore.toString(),
          "-storepass",
          PASSWORD,
          "-file",
          pem.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TestCertificate(keyStore, pem);
  }

  /** The key store (PKCS #12, {@link #PASSWORD}) with the key and its certificate. */
  public Path keyStore() {
    return keyStore;
  }

  /** The certificate alone, in PEM: a trust store for whoever must trust it. */
  public Path pem() {
    return pem;
  }

  /**
   * A TLS context that shows this certificate and trusts only the given ones (none: the JDK's
   * authorities, which never signed a test certificate).
   */
  public SSLContext context(TestCertificate... trusted) {
    try {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keyStore)) {
        keys.load(in, PASSWORD.toCharArray());
      }
      KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      km.init(keys, PASSWORD.toCharArray());
      TrustManagerFactory tm =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      if (trusted.length == 0) {
        tm.init((KeyStore) null);
      } else {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        for (int i = 0; i < trusted.length; i++) {
          anchors.setCertificateEntry("trusted-" + i, trusted[i].certificate());
        }
        tm.init(anchors);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(km.getKeyManagers(), tm.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the test certificate " + keyStore + " is unusable", e);
    }
  }

  private Certificate certificate() throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(pem)) {
      return CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private static void keytool(String... arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool " + String.join(" ", arguments) + ": " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while keytool ran", e);
    }
  }
}

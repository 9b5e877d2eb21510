package io.fraudtip.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Vietnamese banks and wallets by NAPAS BIN, from the bundled {@code reference/vn-banks.csv}. A
 * bank may be named by its BIN, its code, its name, its SWIFT code or a former name (renamed banks
 * keep their BIN), or by a short name people type ({@code VCB}, {@code CTG}) from the bundled
 * {@code reference/vn-bank-aliases.csv}; case, accents, spaces and punctuation do not matter.
 */
@ApplicationScoped
public class BankDirectory {
  static final String RESOURCE = "reference/vn-banks.csv";
  static final String ALIASES = "reference/vn-bank-aliases.csv";

  /** A bank as the directory knows it today. */
  public record Bank(String bin, String code, String name) {}

  private final Map<String, String> binByKey = new HashMap<>();
  private final Map<String, Bank> byBin = new HashMap<>();

  public BankDirectory() {
    try (BufferedReader lines = open(RESOURCE)) {
      lines.readLine(); // header: bin,code,name,swift,deprecated
      String line;
      while ((line = lines.readLine()) != null) {
        String[] f = line.split(",", -1);
        String bin = f[0].trim();
        if (bin.isEmpty()) {
          continue; // a bank without a BIN cannot be stored by BIN
        }
        boolean former = Boolean.parseBoolean(f[4].trim());
        if (!former) {
          // Of two current entries on one BIN the later is the newer name (DongA -> Vikki).
          byBin.put(bin, new Bank(bin, f[1].trim(), f[2].trim()));
        }
        for (String name : new String[] {bin, f[1], f[2], f[3]}) {
          String key = key(name);
          if (!key.isEmpty()) {
            binByKey.putIfAbsent(key, bin);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (BufferedReader lines = open(ALIASES)) {
      lines.readLine(); // header: alias,bin
      String line;
      while ((line = lines.readLine()) != null) {
        String[] f = line.split(",", -1);
        if (!byBin.containsKey(f[1].trim())) {
          throw new IllegalStateException(ALIASES + ": unknown BIN in " + line);
        }
        // A directory code or name wins over an alias that happens to spell the same.
        binByKey.putIfAbsent(key(f[0]), f[1].trim());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BufferedReader open(String resource) {
    InputStream in = BankDirectory.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(resource + " is missing");
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /** The bank a caller named, or empty. */
  public Optional<Bank> find(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String bin = binByKey.get(key(typed));
    return bin == null ? Optional.empty() : Optional.ofNullable(byBin.get(bin));
  }

  /** How many BINs the directory holds. */
  public int size() {
    return byBin.size();
  }

  static String key(String name) {
    String plain =
        Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "");
    return plain.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
  }
}

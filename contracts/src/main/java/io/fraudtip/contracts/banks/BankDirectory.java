package io.fraudtip.contracts.banks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The Vietnamese banks and wallets by NAPAS BIN, from the bundled {@code vn-banks.csv} beside this
 * class (see the README there for the source). Renamed banks keep their BIN: the current name is
 * the last entry not marked deprecated, the others are kept as former names. A bank may be named by
 * its BIN, its code, its name, its SWIFT code or a former name, or by a short name people type
 * ({@code VCB}, {@code CTG}) from the bundled {@code vn-bank-aliases.csv}; case, accents, spaces
 * and punctuation do not matter.
 */
public class BankDirectory {
  // Compiled once: String.replaceAll compiles its pattern on every call, and a bank is looked up
  // by name on every watchlist check and tip.
  private static final Pattern MARKS = Pattern.compile("\\p{M}");
  private static final Pattern NOT_KEY = Pattern.compile("[^A-Z0-9]");

  private static final String BANKS = "vn-banks.csv";
  private static final String ALIASES = "vn-bank-aliases.csv";

  /** One bank as the directory knows it today. */
  public record Bank(
      @Schema(example = "970449") String bin,
      @Schema(example = "LPBANK") String code,
      @Schema(example = "LPBank") String name,
      @Schema(example = "LVBKVNVX") String swift,
      @Schema(example = "[\"LienVietPostBank\"]") List<String> formerNames) {}

  private final Map<String, Bank> byBin;
  private final Map<String, String> binByKey = new HashMap<>();

  /** The bundled directory. */
  public BankDirectory() {
    // A bank without a BIN cannot hold reported accounts.
    List<String[]> withBin = rows(BANKS, 5).stream().filter(f -> !f[0].isBlank()).toList();
    Map<String, List<String[]>> byBinRows = new LinkedHashMap<>();
    for (String[] f : withBin) {
      byBinRows.computeIfAbsent(f[0].trim(), k -> new ArrayList<>()).add(f);
      for (String name : new String[] {f[0], f[1], f[2], f[3]}) {
        String key = key(name);
        if (!key.isEmpty()) {
          binByKey.putIfAbsent(key, f[0].trim()); // in file order: the first bank to use a name
        }
      }
    }
    Map<String, Bank> banks = new LinkedHashMap<>();
    byBinRows.forEach((bin, entries) -> banks.put(bin, bank(bin, entries)));
    byBin = Map.copyOf(banks);
    for (String[] f : rows(ALIASES, 2)) {
      if (!byBin.containsKey(f[1].trim())) {
        throw new IllegalStateException(ALIASES + ": unknown BIN " + f[1]);
      }
      // A directory code or name wins over an alias that happens to spell the same.
      binByKey.putIfAbsent(key(f[0]), f[1].trim());
    }
  }

  /** The bank with this BIN, or empty. */
  public Optional<Bank> byBin(String bin) {
    return Optional.ofNullable(bin).map(byBin::get);
  }

  /** Whether a bank has this BIN. */
  public boolean exists(String bin) {
    return bin != null && byBin.containsKey(bin);
  }

  /** The bank a person named (by BIN, code, name, SWIFT code, former name or short name). */
  public Optional<Bank> find(String typed) {
    return typed == null ? Optional.empty() : byBin(binByKey.get(key(typed)));
  }

  /** Every bank, one per BIN. */
  public Collection<Bank> all() {
    return byBin.values();
  }

  /** How many BINs the directory holds. */
  public int size() {
    return byBin.size();
  }

  private static Bank bank(String bin, List<String[]> entries) {
    String[] current = entries.get(0);
    for (String[] e : entries) {
      if (!Boolean.parseBoolean(e[4].trim())) {
        current = e; // of two current entries on one BIN the later is the newer name
      }
    }
    String[] chosen = current;
    List<String> former = entries.stream().filter(e -> e != chosen).map(e -> e[2].trim()).toList();
    String swift = chosen[3].isBlank() ? null : chosen[3].trim();
    return new Bank(bin, chosen[1].trim(), chosen[2].trim(), swift, former);
  }

  /** The data rows of a bundled CSV file: no comment lines, no header, at least {@code width}. */
  private static List<String[]> rows(String resource, int width) {
    InputStream in = BankDirectory.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(resource + " is missing");
    }
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      boolean header = true;
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(",", -1);
        if (header || f.length < width) {
          header = false;
          continue;
        }
        rows.add(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  static String key(String name) {
    // A BIN or a bank code (every watchlist check and tip names its bank so) is its own key.
    if (isKey(name)) {
      return name;
    }
    String plain =
        MARKS
            .matcher(
                Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD))
            .replaceAll("");
    return NOT_KEY.matcher(plain.toUpperCase(Locale.ROOT)).replaceAll("");
  }

  /** Whether the text is upper-case ASCII letters and digits only, as a key is. */
  private static boolean isKey(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 'A' || c > 'Z') && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }
}

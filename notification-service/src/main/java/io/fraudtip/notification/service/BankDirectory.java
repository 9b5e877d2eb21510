package io.fraudtip.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bundled directory of Vietnamese banks, keyed by NAPAS BIN ({@code banks/vn-banks.csv}, see
 * its header for the source). Renamed banks share a BIN; the current name is the last entry not
 * marked deprecated, the others are kept as former names.
 */
@ApplicationScoped
public class BankDirectory {
  private static final String RESOURCE = "banks/vn-banks.csv";

  /** One bank of the directory. */
  public record Bank(
      String bin, String code, String name, String swift, List<String> formerNames) {}

  private final Map<String, Bank> byBin;

  BankDirectory() {
    byBin = load();
  }

  public Optional<Bank> byBin(String bin) {
    return Optional.ofNullable(bin).map(byBin::get);
  }

  public boolean exists(String bin) {
    return bin != null && byBin.containsKey(bin);
  }

  public Collection<Bank> all() {
    return byBin.values();
  }

  private static Map<String, Bank> load() {
    Map<String, List<String[]>> rows = new LinkedHashMap<>();
    try (InputStream in =
            Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE);
        BufferedReader reader =
            new BufferedReader(
                new InputStreamReader(
                    java.util.Objects.requireNonNull(in, RESOURCE), StandardCharsets.UTF_8))) {
      String line;
      boolean header = true;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] f = line.split(",", -1);
        if (f.length < 5 || f[0].isBlank()) {
          continue; // a bank without a BIN cannot hold alerted accounts
        }
        rows.computeIfAbsent(f[0].trim(), k -> new ArrayList<>()).add(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Bank> banks = new LinkedHashMap<>();
    rows.forEach(
        (bin, entries) -> {
          String[] current = entries.get(0);
          for (String[] e : entries) {
            if (!Boolean.parseBoolean(e[4].trim())) {
              current = e;
            }
          }
          String[] chosen = current;
          List<String> former =
              entries.stream().filter(e -> e != chosen).map(e -> e[2].trim()).toList();
          banks.put(
              bin,
              new Bank(
                  bin,
                  chosen[1].trim(),
                  chosen[2].trim(),
                  chosen[3].isBlank() ? null : chosen[3].trim(),
                  former));
        });
    return Map.copyOf(banks);
  }
}

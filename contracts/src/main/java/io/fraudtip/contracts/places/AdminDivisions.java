package io.fraudtip.contracts.places;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 34 provinces in force since 1 July 2025 and their 3,321 communes, by statistics-office code,
 * from the bundled {@code vn-admin-units-2025.json} beside this class (see the README there for the
 * source). The one copy every module reads.
 */
public final class AdminDivisions {
  /** The bundled file, as a class-path resource name. */
  public static final String RESOURCE = "io/fraudtip/contracts/places/vn-admin-units-2025.json";

  /** A commune, ward or special zone. {@code type}: xã, phường, đặc khu. */
  public record Commune(String code, String name, String type) {}

  /** A province or centrally-governed city with its communes, in file order. */
  public record Province(String code, String name, String type, List<Commune> communes) {}

  private final Map<String, Province> provinces;
  private final Map<String, Province> provinceOfCommune;
  private final String digest;

  private AdminDivisions(byte[] json) {
    Map<String, Province> byCode = new LinkedHashMap<>();
    Map<String, Province> byCommune = new LinkedHashMap<>();
    try {
      for (JsonNode p : new ObjectMapper().readTree(json)) {
        List<Commune> communes = new ArrayList<>();
        for (JsonNode c : p.get("communes")) {
          communes.add(new Commune(text(c, "code"), text(c, "name"), text(c, "type")));
        }
        Province province =
            new Province(text(p, "code"), text(p, "name"), text(p, "type"), List.copyOf(communes));
        byCode.put(province.code(), province);
        communes.forEach(c -> byCommune.put(c.code(), province));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.provinces = byCode;
    this.provinceOfCommune = byCommune;
    this.digest = sha256(json);
  }

  /** The bundled data. */
  public static AdminDivisions bundled() {
    try (InputStream in = AdminDivisions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing");
      }
      return new AdminDivisions(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Data in the bundled file's format (a newer edition, or a test's). */
  public static AdminDivisions of(byte[] json) {
    return new AdminDivisions(json);
  }

  /** Every province, in file order. */
  public List<Province> provinces() {
    return List.copyOf(provinces.values());
  }

  public Optional<Province> province(String code) {
    return Optional.ofNullable(code == null ? null : provinces.get(code.trim()));
  }

  /** The province a commune belongs to, or empty for an unknown commune. */
  public Optional<Province> provinceOfCommune(String communeCode) {
    return Optional.ofNullable(
        communeCode == null ? null : provinceOfCommune.get(communeCode.trim()));
  }

  public int provinceCount() {
    return provinces.size();
  }

  public int communeCount() {
    return provinceOfCommune.size();
  }

  /** SHA-256 of the file, hex: tells one edition of the data from another. */
  public String digest() {
    return digest;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalStateException("admin units data: an entry without " + field);
    }
    return value.asText().trim();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

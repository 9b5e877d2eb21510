package io.fraudtip.intake.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudtip.contracts.places.AdminDivisions;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The 34 provinces in force since 1 July 2025 and their communes, by statistics-office code, from
 * the bundled data in {@code contracts} (one copy for the project: {@link
 * AdminDivisions#RESOURCE}).
 */
@ApplicationScoped
public class AdminUnits {
  static final String RESOURCE = AdminDivisions.RESOURCE;

  /** A province and the codes of its communes. */
  public record Province(String code, String name, Set<String> communes) {}

  private final Map<String, Province> provinces = new HashMap<>();
  private final Map<String, String> provinceOfCommune = new HashMap<>();

  public AdminUnits() {
    try (InputStream in = AdminUnits.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing");
      }
      for (JsonNode p : new ObjectMapper().readTree(in)) {
        String code = p.get("code").asText();
        Set<String> communes = new HashSet<>();
        for (JsonNode c : p.get("communes")) {
          communes.add(c.get("code").asText());
          provinceOfCommune.put(c.get("code").asText(), code);
        }
        provinces.put(code, new Province(code, p.get("name").asText(), Set.copyOf(communes)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<Province> province(String code) {
    return Optional.ofNullable(code == null ? null : provinces.get(code.trim()));
  }

  /** The province a commune belongs to, or empty for an unknown commune. */
  public Optional<String> provinceOfCommune(String communeCode) {
    return Optional.ofNullable(
        communeCode == null ? null : provinceOfCommune.get(communeCode.trim()));
  }

  public int provinceCount() {
    return provinces.size();
  }

  public int communeCount() {
    return provinceOfCommune.size();
  }
}

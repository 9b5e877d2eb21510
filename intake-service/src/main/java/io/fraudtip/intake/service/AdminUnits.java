package io.fraudtip.intake.service;

import io.fraudtip.contracts.places.AdminDivisions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The 34 provinces in force since 1 July 2025 and their communes, by statistics-office code, as
 * intake checks a tip's place: the project's one copy of the data, {@link AdminDivisions}.
 */
@ApplicationScoped
public class AdminUnits {
  /** A province. */
  public record Province(String code, String name) {}

  private final AdminDivisions data = AdminDivisions.bundled();

  public Optional<Province> province(String code) {
    return data.province(code).map(p -> new Province(p.code(), p.name()));
  }

  /** The province a commune belongs to, or empty for an unknown commune. */
  public Optional<String> provinceOfCommune(String communeCode) {
    return data.provinceOfCommune(communeCode).map(AdminDivisions.Province::code);
  }

  public int provinceCount() {
    return data.provinceCount();
  }

  public int communeCount() {
    return data.communeCount();
  }
}

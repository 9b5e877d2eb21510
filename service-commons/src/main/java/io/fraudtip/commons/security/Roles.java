package io.fraudtip.commons.security;

/** The {@code groups} of SPEC §7, for {@code @RolesAllowed}. */
public final class Roles {
  public static final String OPERATOR = "operator";
  public static final String POLICE = "police";
  public static final String BANK = "bank";
  public static final String REPORTER_CLIENT = "reporter-client";

  private Roles() {}
}

package io.fraudtip.intake.service;

/**
 * Who sent a tip, as the REST layer saw the request; {@link SourceKeys} turns it into the tip's
 * pseudonymous source. Never stored or logged as it is.
 *
 * @param address the source address (after {@code quarkus.http.proxy.*}), or null when unknown
 * @param client the bearer token's subject ({@code sub:…}) or an API key's digest ({@code key:…}),
 *     or null for an anonymous caller
 * @param reporterClient whether the token has the {@code reporter-client} role: a trusted app that
 *     asserts it verified the reporter it names
 * @param police whether the token is a police unit's (a report entered by police)
 */
public record TipOrigin(String address, String client, boolean reporterClient, boolean police) {
  /** A caller nothing is known about (tests, internal use). */
  public static final TipOrigin UNKNOWN = new TipOrigin(null, null, false, false);
}

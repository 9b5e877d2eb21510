package io.fraudtip.contracts.tips;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a tip came from, as pseudonymous keys: enough to tell whether two tips share a source,
 * never enough to recover a phone number, an e-mail or an address (each key is a keyed HMAC that
 * only intake can compute). SPEC §10: tips from one source count once.
 *
 * @param reporter key of the reporter's claimed contact (phone, else e-mail, else id number), or
 *     null for an anonymous tip; claimed, not verified, unless {@code verified}
 * @param client key of the calling client (bearer-token subject or API key), or null
 * @param address key of the source address (IPv4 whole, IPv6 its /64), or null when unknown
 * @param verified whether a trusted client ({@code reporter-client} token) asserted that it
 *     verified the named reporter, or a police unit entered the tip
 */
public record TipSourceV1(
    @Schema(example = "3f9c2a7be41d08c65a1f7e2d94b03c68") String reporter,
    @Schema(example = "8d1e5b0a7c3f92e4b6a0d5c17f2e9b43") String client,
    @Schema(example = "c47a09e2b58d1f36e0a9b7c25d4f8e01") String address,
    boolean verified) {}

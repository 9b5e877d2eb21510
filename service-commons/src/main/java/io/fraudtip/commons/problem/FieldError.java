package io.fraudtip.commons.problem;

/**
 * One bad field of a request.
 *
 * @param field JSON path of the field, e.g. {@code transfers[0].amountVnd}
 * @param code stable machine-readable code, e.g. {@code phone.invalid}
 * @param message what is wrong, in the caller's language
 */
public record FieldError(String field, String code, String message) {}

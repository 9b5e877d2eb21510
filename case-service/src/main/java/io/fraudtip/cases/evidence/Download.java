package io.fraudtip.cases.evidence;

/** A file's bytes with what its download answer names: type, safe name and checksum. */
public record Download(String name, String contentType, String sha256, byte[] bytes) {}

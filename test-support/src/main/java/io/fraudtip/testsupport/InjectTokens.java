package io.fraudtip.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects {@link io.fraudtip.localstack.security.Tokens} signed with the key the service trusts
 * into a field of a test that uses {@link PlatformTestResource}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectTokens {}

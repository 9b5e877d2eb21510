package io.fraudtip.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects the test JVM's {@link io.fraudtip.localstack.bank.DemoBank} (a webhook receiver on a free
 * loopback port, started on first use) into a field of a test that uses {@link
 * PlatformTestResource}. Tests use receivers of their own names so that they do not see each
 * other's deliveries.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectDemoBank {}

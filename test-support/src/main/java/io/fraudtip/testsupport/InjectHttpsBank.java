package io.fraudtip.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects the test JVM's demo bank on https ({@link TestInfrastructure#httpsBank()}: {@code
 * https://localhost:<port>}, a certificate the test applications trust, and a client certificate
 * asked of every caller) into a field of a test whose module declares {@link
 * HttpsBankTestResource}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectHttpsBank {}

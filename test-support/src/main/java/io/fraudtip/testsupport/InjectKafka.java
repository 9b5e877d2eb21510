package io.fraudtip.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects a {@link io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion} connected to the
 * test broker into a field of a test that uses {@link PlatformTestResource}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectKafka {}

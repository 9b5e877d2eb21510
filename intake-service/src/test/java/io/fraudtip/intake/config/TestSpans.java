package io.fraudtip.intake.config;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Keeps the spans the service makes in memory for the tests to read. Being a {@code SpanExporter}
 * bean, it also replaces the OTLP exporter: tests never reach for a collector.
 */
public class TestSpans {
  @Produces
  @Singleton
  InMemorySpanExporter spans() {
    return InMemorySpanExporter.create();
  }
}

package io.fraudtip.loadtests;

import io.fraudtip.localstack.stack.Service;
import java.util.Map;

/**
 * The services' memory on one JDK: RSS right after start and the most under the run's load, and
 * (with {@code -Dfraudtip.benchmark.nmt=true}) each one's native memory summary at the end.
 *
 * @param jvm the JDK and options (ServiceJvm's label)
 * @param load the load the most was seen under
 */
record MemoryRun(
    String jvm,
    String load,
    Map<Service, Double> idleMb,
    Map<Service, Double> maxMb,
    Map<Service, NativeMemory> nativeMemory) {}

package io.fraudtip.loadtests;

import io.fraudtip.localstack.stack.Service;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report's tables of who was busy (CPU per process) and of the services' memory. */
final class ReportTables {
  private ReportTables() {}

  /** The generator was possibly the limit when it used most of a core. */
  static boolean generatorBusy(Map<String, Double> shares, int cores) {
    return shares.getOrDefault(CpuSampler.GENERATOR, 0.0) * cores / 100.0 >= 0.8;
  }

  static void cpu(StringBuilder b, Map<String, Map<String, Double>> cpu) {
    if (cpu.isEmpty()) {
      return;
    }
    int cores = Runtime.getRuntime().availableProcessors();
    b.append("## Who was busy (CPU per process)\n\n");
    b.append(
        "Each process's share of the whole machine during each scenario (100 % = all "
            + cores
            + " cores for the whole scenario), from `/proc/PID/stat` (PostgreSQL with its"
            + " backends); wrk's own from the shell's `times`. *Of which JIT compilers* is the"
            + " services' C1 and C2 compiler threads (`/proc/PID/task`), a part of their columns:"
            + " compilations a JVM still makes while its code warms up. *Stolen by the host* is the"
            + " time the hypervisor gave this virtual machine's cores to others (`steal` in"
            + " `/proc/stat`): a scenario with much of it ran on less than the machine. *Other"
            + " processes* is what the machine did besides (on a shared machine, someone else's"
            + " work). Both are parts of *machine busy*. *Generator the"
            + " limit?* says maybe when the load generator (wrk) used 0.8 of a core or more: then a step that did not keep up may be the"
            + " generator's limit, not the platform's.\n\n");
    List<String> labels = new ArrayList<>();
    synchronized (cpu) {
      cpu.values()
          .forEach(
              m ->
                  m.keySet()
                      .forEach(
                          l -> {
                            if (!labels.contains(l)) {
                              labels.add(l);
                            }
                          }));
      b.append("| scenario | ")
          .append(String.join(" | ", labels))
          .append(" | generator the limit? |\n");
      b.append("|---".repeat(labels.size() + 2)).append("|\n");
      cpu.forEach(
          (scenario, shares) -> {
            b.append("| ").append(scenario);
            for (String l : labels) {
              Double v = shares.get(l);
              b.append(" | ")
                  .append(v == null || v.isNaN() ? "–" : String.format(Locale.ROOT, "%.0f %%", v));
            }
            b.append(" | ").append(generatorBusy(shares, cores) ? "maybe" : "no");
            b.append(" |\n");
          });
    }
    b.append('\n');
  }

  static void gc(StringBuilder b, Map<String, Map<Service, GcPauses>> gc) {
    if (gc.isEmpty()) {
      return;
    }
    b.append("## Collector pauses\n\n");
    b.append(
        "Each service's stop-the-world collections during each scenario, from its GC log"
            + " (`-Xlog:gc`): how many, their time in all and the longest. A pause holds every"
            + " request the service has in hand, so pauses as long as a scenario's p99 are its"
            + " tail. Those times are wall-clock; *CPU* is what the collector itself used in the"
            + " scenario (its threads' times in `/proc/PID/task`: the serial collector's is the"
            + " JVM's VM thread, which also runs the JVM's few other stop-the-world operations)."
            + " Where the pauses last several times their CPU, the collector spent them waiting"
            + " for a core the other processes held, and the service was stopped all the"
            + " while.\n\n");
    servicesHeader(b, "scenario");
    synchronized (gc) {
      gc.forEach(
          (scenario, pauses) -> {
            b.append("| ").append(scenario);
            for (Service s : Service.values()) {
              b.append(" | ").append(pauses.getOrDefault(s, GcPauses.NONE).describe());
            }
            b.append(" |\n");
          });
    }
    b.append('\n');
  }

  /** A table's head: {@code first}, then one column per service. */
  private static void servicesHeader(StringBuilder b, String first) {
    b.append("| ").append(first).append(" | ");
    b.append(String.join(" | ", Arrays.stream(Service.values()).map(Service::module).toList()));
    b.append(" |\n").append("|---".repeat(Service.values().length + 1)).append("|\n");
  }

  static void memory(StringBuilder b, List<MemoryRun> memory) {
    if (memory.isEmpty()) {
      return;
    }
    b.append("## Memory (RSS per service)\n\n");
    b.append(
        "RSS (`VmRSS`) sampled twice a second: right after start and the most under the load"
            + " named. The services run with `ServiceProcess.JVM_OPTIONS`; on JDK 25 also"
            + " `-XX:+UseCompactObjectHeaders`. NMT is the JVM's native memory tracker"
            + " (`-XX:NativeMemoryTracking=summary`, then `jcmd PID VM.native_memory summary`),"
            + " committed MB at the end of the load: always in the memory phases on fresh"
            + " processes, in the run over every scenario only with `--nmt`. *+ levers*: the"
            + " same with `"
            + String.join(" ", ServiceJvm.LEVERS)
            + "`. *+ AppCDS* (JDK 17) and *+ AOT cache* (JDK 25, JEP 483/514): started from an"
            + " archive of the classes each service loaded in a training run under the same loads"
            + " (`-XX:ArchiveClassesAtExit`, then `-XX:SharedArchiveFile`; `-XX:AOTCacheOutput`,"
            + " then `-XX:AOTCache`). *+ C1 only*: the levers with the JIT's first tier alone (`"
            + ServiceJvm.C1_ONLY
            + "`: no C2 compilations, a smaller code cache, slower code where C2 would have"
            + " compiled it; its CPU is not in this table).\n\n");
    b.append("| JDK | load | service | idle MB | most MB | NMT committed MB |\n");
    b.append("|---|---|---|---|---|---|\n");
    for (MemoryRun m : memory) {
      for (Service s : Service.values()) {
        NativeMemory nmt = m.nativeMemory().get(s);
        b.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s | %s |%n",
                m.jvm(),
                m.load(),
                s.module(),
                Report.number(m.idleMb().getOrDefault(s, Double.NaN)),
                Report.number(m.maxMb().getOrDefault(s, Double.NaN)),
                nmt == null || nmt.committedMb() < 0 ? "–" : Long.toString(nmt.committedMb())));
      }
    }
    b.append('\n');
    for (MemoryRun m : memory) {
      if (m.nativeMemory().isEmpty()) {
        continue;
      }
      List<String> categories = new ArrayList<>();
      m.nativeMemory()
          .values()
          .forEach(
              n ->
                  n.categories()
                      .forEach(
                          (c, mb) -> {
                            if (mb >= 1 && !categories.contains(c)) {
                              categories.add(c);
                            }
                          }));
      b.append("NMT committed MB by category, ").append(m.jvm()).append(", ").append(m.load());
      b.append(":\n\n");
      servicesHeader(b, "category");
      for (String c : categories) {
        b.append("| ").append(c);
        for (Service s : Service.values()) {
          NativeMemory n = m.nativeMemory().get(s);
          Long mb = n == null ? null : n.categories().get(c);
          b.append(" | ").append(mb == null ? "–" : mb.toString());
        }
        b.append(" |\n");
      }
      b.append('\n');
    }
  }
}

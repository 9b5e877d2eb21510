package io.fraudtip.loadtests;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Each process's share of the machine's CPU during a scenario, from {@code /proc/PID/stat} (user +
 * system time) at its start and end, and the machine's busy share from {@code /proc/stat}: 100 % is
 * every core busy for the whole scenario. The time the hypervisor gave this virtual machine's cores
 * to someone else ({@code steal}) shows as "stolen by the host"; whatever the machine did besides
 * the named processes shows as "other processes". Both are parts of "machine busy".
 */
final class CpuSampler {
  static final String GENERATOR = "wrk (load generator)";
  static final String STOLEN = "stolen by the host";
  static final String OTHER = "other processes";
  static final String MACHINE = "machine busy";
  static final String COMPILERS = "of which JIT compilers (the 3 services)";

  /** USER_HZ: the unit of the times in /proc (100 on every Linux this runs on). */
  private static final double TICKS_PER_SECOND = 100.0;

  private final Map<String, Watched> processes = new LinkedHashMap<>();

  /** Parts of watched processes, shown beside them and not counted again in "other processes". */
  private final Map<String, List<LongSupplier>> compilers = new LinkedHashMap<>();

  private final int cores = Runtime.getRuntime().availableProcessors();

  /** A process to watch; {@code tree}: with its children (PostgreSQL's backends). */
  private record Watched(LongSupplier pid, boolean tree) {}

  /** What was read at the start of a scenario. */
  record Window(long startNanos, Map<String, Long> ticks, long[] machine) {}

  /** Watches a process alone (a JVM: its children, such as wrk, are counted apart). */
  CpuSampler watch(String label, LongSupplier pid) {
    processes.put(label, new Watched(pid, false));
    return this;
  }

  /** Watches a process with its children, those that ended included (PostgreSQL). */
  CpuSampler watchTree(String label, LongSupplier pid) {
    processes.put(label, new Watched(pid, true));
    return this;
  }

  /**
   * Watches the JIT compiler threads (C1 and C2) of these JVMs, summed: a part of their own shares,
   * the compilations a JVM still makes as its code warms up.
   */
  CpuSampler watchCompilers(String label, List<LongSupplier> pids) {
    compilers.put(label, List.copyOf(pids));
    return this;
  }

  Window begin() {
    return new Window(System.nanoTime(), ticksNow(), machineTicks());
  }

  /**
   * Shares in % of the machine since {@code window} began, in the order watched, then the load
   * generator (its CPU as it reported it), the time stolen by the host, the other processes and the
   * machine as a whole.
   */
  Map<String, Double> end(Window window, double generatorCpuSeconds) {
    double seconds = (System.nanoTime() - window.startNanos()) / 1e9;
    Map<String, Long> now = ticksNow();
    long[] machine = machineTicks();
    Map<String, Double> shares = new LinkedHashMap<>();
    double ours = 0;
    for (String label : processes.keySet()) {
      double share = share(used(label, window, now) / TICKS_PER_SECOND, seconds, cores);
      shares.put(label, share);
      ours += share;
    }
    for (String label : compilers.keySet()) {
      shares.put(label, share(used(label, window, now) / TICKS_PER_SECOND, seconds, cores));
    }
    double generator =
        Double.isNaN(generatorCpuSeconds) ? 0 : share(generatorCpuSeconds, seconds, cores);
    shares.put(GENERATOR, generator);
    ours += generator;
    long busy = machine[0] - window.machine()[0];
    long total = machine[1] - window.machine()[1];
    double machineShare = total <= 0 ? Double.NaN : 100.0 * busy / total;
    double stolen = total <= 0 ? Double.NaN : 100.0 * (machine[2] - window.machine()[2]) / total;
    shares.put(STOLEN, stolen);
    shares.put(OTHER, otherProcesses(machineShare, ours, stolen));
    shares.put(MACHINE, machineShare);
    return shares;
  }

  /** What the machine did besides the watched processes and the time the host took (never < 0). */
  static double otherProcesses(double machineShare, double watched, double stolen) {
    return Double.isNaN(machineShare) ? Double.NaN : Math.max(0, machineShare - watched - stolen);
  }

  /** Ticks a label used since the window began (none when it was not started then). */
  private static long used(String label, Window window, Map<String, Long> now) {
    return Math.max(0, now.getOrDefault(label, 0L) - window.ticks().getOrDefault(label, 0L));
  }

  static double share(double cpuSeconds, double seconds, int cores) {
    return seconds <= 0 ? 0 : 100.0 * cpuSeconds / seconds / cores;
  }

  private Map<String, Long> ticksNow() {
    Map<String, Long> ticks = new LinkedHashMap<>();
    processes.forEach(
        (label, w) -> {
          long pid;
          try {
            pid = w.pid().getAsLong();
          } catch (RuntimeException e) {
            return; // not started (yet)
          }
          ticks.put(label, w.tree() ? treeTicks(pid) : ownTicks(pid));
        });
    compilers.forEach(
        (label, pids) -> {
          long sum = 0;
          for (LongSupplier pid : pids) {
            try {
              sum += compilerTicks(pid.getAsLong());
            } catch (RuntimeException e) {
              // not started (yet)
            }
          }
          ticks.put(label, sum);
        });
    return ticks;
  }

  /** Whether a thread's name (as {@code /proc/PID/task/TID/comm} holds it) is a JIT compiler's. */
  static boolean isCompilerThread(String comm) {
    return comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre");
  }

  /**
   * Whether a thread's name is the collector's: the serial collector collects on the JVM's VM
   * thread (which also runs the few other stop-the-world operations), the parallel and G1 ones on
   * their GC threads.
   */
  static boolean isCollectorThread(String comm) {
    return comm.equals("VM Thread") || comm.startsWith("GC Thread");
  }

  /** The ticks of the process's JIT compiler threads, and how many there are. */
  static long[] compilerThreads(long pid) {
    return threads(pid, CpuSampler::isCompilerThread);
  }

  /** The ticks of the process's collector threads ({@link #isCollectorThread}), and how many. */
  static long[] collectorThreads(long pid) {
    return threads(pid, CpuSampler::isCollectorThread);
  }

  /** The ticks of the process's threads whose names pass the test, and how many there are. */
  private static long[] threads(long pid, Predicate<String> name) {
    long ticks = 0;
    long threads = 0;
    try (DirectoryStream<Path> tasks =
        Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path t : tasks) {
        try {
          if (name.test(Files.readString(t.resolve("comm")).strip())) {
            long[] s = parseStat(Files.readString(t.resolve("stat")));
            ticks += s[1] + s[2];
            threads++;
          }
        } catch (IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException e) {
      // gone
    }
    return new long[] {ticks, threads};
  }

  /** Milliseconds of CPU in {@code ticks} of {@code /proc}. */
  static double millis(long ticks) {
    return ticks * 1000.0 / TICKS_PER_SECOND;
  }

  private static long compilerTicks(long pid) {
    return compilerThreads(pid)[0];
  }

  private static long ownTicks(long pid) {
    long[] s = read(pid);
    return s == null ? 0 : s[1] + s[2];
  }

  /** The process, its ended children (cutime, cstime) and its live children. */
  private static long treeTicks(long pid) {
    long[] s = read(pid);
    if (s == null) {
      return 0;
    }
    long ticks = s[1] + s[2] + s[3] + s[4];
    try (DirectoryStream<Path> all = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path p : all) {
        long[] child = read(Long.parseLong(p.getFileName().toString()));
        if (child != null && child[0] == pid) {
          ticks += child[1] + child[2] + child[3] + child[4];
        }
      }
    } catch (IOException e) {
      // /proc unreadable: the process alone
    }
    return ticks;
  }

  private static long[] read(long pid) {
    try {
      return parseStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (IOException | RuntimeException e) {
      return null; // gone
    }
  }

  /**
   * {@code /proc/PID/stat} as {ppid, utime, stime, cutime, cstime} (ticks). The command name in
   * parentheses may hold spaces and parentheses, so the fields are counted after the last ')'.
   */
  static long[] parseStat(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    // f[0] is field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17
    return new long[] {
      Long.parseLong(f[1]),
      Long.parseLong(f[11]),
      Long.parseLong(f[12]),
      Long.parseLong(f[13]),
      Long.parseLong(f[14])
    };
  }

  /** {busy, total, stolen} ticks of all cores from the first line of /proc/stat. */
  private static long[] machineTicks() {
    try {
      return parseMachine(Files.readAllLines(Path.of("/proc/stat")).get(0));
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0, 0};
    }
  }

  /**
   * "cpu user nice system idle iowait irq softirq steal ...": idle and iowait are not busy; steal
   * is (the core was not ours to use), and is returned apart too.
   */
  static long[] parseMachine(String cpuLine) {
    String[] f = cpuLine.trim().split("\\s+");
    long total = 0;
    long idle = 0;
    long steal = 0;
    for (int i = 1; i < Math.min(f.length, 9); i++) {
      long v = Long.parseLong(f[i]);
      total += v;
      if (i == 4 || i == 5) {
        idle += v;
      } else if (i == 8) {
        steal = v;
      }
    }
    return new long[] {total - idle, total, steal};
  }
}

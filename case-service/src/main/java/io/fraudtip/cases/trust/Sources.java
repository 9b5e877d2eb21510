package io.fraudtip.cases.trust;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Independent sources among reports (SPEC §10): two reports are one source when they share the
 * reporter key (at any time), or the client or address key within the window. A verified report's
 * client and address link nothing (the trusted client vouches for distinct citizens). A report
 * without any key (an old event) is a source of its own. Connected reports form one source.
 */
public final class Sources {
  private Sources() {}

  /** The reports grouped by source. */
  public static List<List<Fact>> group(List<Fact> reports, Duration window) {
    List<Fact> sorted = new ArrayList<>(reports);
    sorted.sort(Comparator.comparing(Fact::at));
    int n = sorted.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    Map<String, Integer> byReporter = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Fact f = sorted.get(i);
      if (f.reporter() != null) {
        Integer first = byReporter.putIfAbsent(f.reporter(), i);
        if (first != null) {
          union(parent, first, i);
        }
      }
      if (f.verified()) {
        continue;
      }
      // Sorted by time: only the reports of the window before this one can share its client or
      // address.
      for (int j = i - 1; j >= 0; j--) {
        Fact g = sorted.get(j);
        if (Duration.between(g.at(), f.at()).compareTo(window) > 0) {
          break;
        }
        if (!g.verified() && (same(f.client(), g.client()) || same(f.address(), g.address()))) {
          union(parent, i, j);
        }
      }
    }
    Map<Integer, List<Fact>> groups = new HashMap<>();
    List<List<Fact>> ordered = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Fact> group =
          groups.computeIfAbsent(
              find(parent, i),
              root -> {
                List<Fact> g = new ArrayList<>();
                ordered.add(g);
                return g;
              });
      group.add(sorted.get(i));
    }
    return ordered;
  }

  /** Whether a new report is of a source none of the earlier reports share. */
  public static boolean independentOf(Fact report, List<Fact> earlier, Duration window) {
    List<Fact> all = new ArrayList<>(earlier);
    all.add(report);
    return group(all, window).stream()
        .filter(g -> g.stream().anyMatch(f -> f == report))
        .allMatch(g -> g.size() == 1);
  }

  private static boolean same(String a, String b) {
    return a != null && Objects.equals(a, b);
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    parent[find(parent, a)] = find(parent, b);
  }
}

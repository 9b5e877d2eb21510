package io.fraudtip.cases.routing;

/**
 * Where a police unit stands; routing moves cases up (to a lower rank) only, never silently down.
 */
public enum UnitLevel {
  MINISTRY(1),
  PROVINCE(2),
  COMMUNE(3);

  private final int rank;

  UnitLevel(int rank) {
    this.rank = rank;
  }

  /** 1 for the ministry, larger further down. */
  public int rank() {
    return rank;
  }

  public boolean isAbove(UnitLevel other) {
    return rank < other.rank;
  }
}

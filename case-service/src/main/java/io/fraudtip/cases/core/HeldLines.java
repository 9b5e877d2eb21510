package io.fraudtip.cases.core;

import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Timeline lines this transaction holds to write at once ({@link CaseEvents#holdLines}): a batch of
 * tips adds three or so a tip, each otherwise a persist and its share of the flush. Held in the
 * order recorded, and written in that order, so that lines at the same instant keep it (the
 * timeline is read by time, then id).
 */
@TransactionScoped
public class HeldLines implements Serializable {
  private static final long serialVersionUID = 1L;

  private boolean holding;
  private final List<CaseEvents.Line> lines = new ArrayList<>();

  boolean holding() {
    return holding;
  }

  void hold() {
    holding = true;
  }

  void add(CaseEvents.Line line) {
    lines.add(line);
  }

  /** The lines held, in order; none are held, nor will be, afterwards. */
  List<CaseEvents.Line> release() {
    holding = false;
    List<CaseEvents.Line> released = List.copyOf(lines);
    lines.clear();
    return released;
  }
}

package io.fraudtip.commons.tx;

import jakarta.persistence.EntityManager;

/**
 * Makes the rest of the caller's transaction run its prepared statements on their generic plans
 * ({@code SET LOCAL plan_cache_mode = force_generic_plan}). PostgreSQL plans a prepared statement
 * anew on each call while that custom plan looks cheaper than the generic one, and for a statement
 * over an array parameter ({@code unnest(:ids)}, {@code id = ANY (:ids)}) it always does: the
 * custom plan sees the two or three elements of this call, the generic one assumes ten. The plans
 * are the same index scans either way; only the planning, paid again on every call, differs. A
 * soak's {@code pg_stat_statements} showed three of notification-service's batch statements planned
 * on every one of their calls, a fifth of its database time.
 *
 * <p>Only for transactions whose statements all find their rows by key: a statement whose best plan
 * depends on a parameter's value (a range of times, a rare state) must keep its custom plans.
 */
public final class GenericPlans {
  private GenericPlans() {}

  /** Takes effect until the transaction ends. */
  public static void use(EntityManager em) {
    TransactionSettings.apply(em, "SET LOCAL plan_cache_mode = force_generic_plan");
  }
}

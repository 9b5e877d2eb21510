package io.fraudtip.cases.routing;

import io.fraudtip.contracts.places.AdminDivisions;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Makes the whole country's unit tree from the bundled administrative data (SPEC §5): at start,
 * once per edition of the data. Set-based: one upsert of the ~3,400 units, new codes added, names
 * updated, nothing removed or moved, so cases keep their units. An edition already applied is
 * skipped, so a restart changes nothing and an operator's edits survive it.
 */
@ApplicationScoped
public class NationalUnits {
  private static final Logger LOG = Logger.getLogger(NationalUnits.class);

  /** Any constant: serialises two instances starting together on the same database. */
  private static final long LOCK = 0x4e4154494f4e414cL;

  /** What applying an edition did. {@code skipped}: it had been applied before. */
  public record Outcome(boolean skipped, int added, int renamed) {}

  // The columns as parallel arrays, unnested in one statement: ~3,400 rows, one round trip.
  private static final String UPSERT =
      """
      WITH upserted AS (
        INSERT INTO police_unit (code, name, level, parent_code, path, province_code, commune_code)
        SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                             ?::varchar[], ?::varchar[], ?::varchar[])
        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, version = police_unit.version + 1
          WHERE police_unit.name IS DISTINCT FROM EXCLUDED.name
        RETURNING (xmax = 0) AS inserted)
      SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM upserted
      """;

  private final EntityManager em;

  NationalUnits(EntityManager em) {
    this.em = em;
  }

  // Before the other start-up observers: anything that reads units at start sees the whole tree.
  void onStart(@Observes @Priority(10) StartupEvent start) {
    long started = System.nanoTime();
    Outcome outcome = apply(AdminDivisions.bundled());
    if (!outcome.skipped()) {
      LOG.infof(
          "Police units from the administrative data: %d added, %d renamed in %d ms",
          outcome.added(), outcome.renamed(), (System.nanoTime() - started) / 1_000_000);
    }
  }

  /** Applies an edition of the data unless it was applied before. */
  @Transactional
  public Outcome apply(AdminDivisions data) {
    return em.unwrap(Session.class).doReturningWork(c -> apply(c, data));
  }

  private static Outcome apply(Connection c, AdminDivisions data) throws SQLException {
    try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      lock.setLong(1, LOCK);
      lock.execute();
    }
    try (PreparedStatement seen =
        c.prepareStatement("SELECT 1 FROM unit_data_edition WHERE digest = ?")) {
      seen.setString(1, data.digest());
      try (ResultSet rs = seen.executeQuery()) {
        if (rs.next()) {
          return new Outcome(true, 0, 0);
        }
      }
    }
    UnitTree tree = UnitTree.of(data);
    Outcome outcome;
    try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
      String[][] columns = tree.columns();
      for (int i = 0; i < columns.length; i++) {
        upsert.setArray(i + 1, c.createArrayOf("varchar", columns[i]));
      }
      try (ResultSet rs = upsert.executeQuery()) {
        rs.next();
        outcome = new Outcome(false, rs.getInt(1), rs.getInt(2));
      }
    }
    try (PreparedStatement record =
        c.prepareStatement(
            "INSERT INTO unit_data_edition (digest, provinces, communes, units_added,"
                + " units_renamed, applied_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      record.setString(1, data.digest());
      record.setInt(2, data.provinceCount());
      record.setInt(3, data.communeCount());
      record.setInt(4, outcome.added());
      record.setInt(5, outcome.renamed());
      record.setTimestamp(6, Timestamp.from(Instant.now()));
      record.executeUpdate();
    }
    return outcome;
  }
}

package io.fraudtip.cases.watchlist;

import io.fraudtip.cases.config.TrustConfig;
import io.fraudtip.cases.trust.EvidenceAdded;
import io.fraudtip.commons.time.Timestamps;
import io.fraudtip.contracts.tips.IdentifierType;
import io.quarkus.runtime.StartupEvent;
import it.unimi.dsi.fastutil.HashCommon;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Which identifiers have any evidence, in memory, so that a check for an identifier nobody reported
 * (almost every check a bank makes) is answered without the database. Exact for listed identifiers:
 * once loaded, every identifier with evidence is in the set; a hash collision, or evidence gone
 * since, only costs the query that answers it. Held as 64-bit hashes of {@code TYPE|value} in a
 * primitive set (about 16 bytes per identifier), so that millions fit in a service's memory.
 *
 * <p>Kept current three ways: loaded at start (checks go to the database until then), evidence
 * recorded on this instance added once it commits, and the rows anyone wrote (other instances,
 * set-based writes without the event) polled every {@code fraudtip.watchlist.refresh-interval} by
 * the database's insert time ({@code recorded_at}). Ids and insert times are not commit-ordered, so
 * each poll re-reads from the start of the oldest transaction that was writing when the previous
 * poll began (from {@code pg_stat_activity}, the same database role's sessions): a row committed
 * late is never skipped, and adding it twice is harmless. Identifiers are never removed (an expired
 * or delisted one stays in the set and is answered by the database, exactly) until the service
 * restarts.
 */
@ApplicationScoped
public class ListedIdentifiers {
  private static final Logger LOG = Logger.getLogger(ListedIdentifiers.class);

  /**
   * Where the next poll must start: every row not yet visible to a statement that begins after this
   * one is inserted after this time, or by a transaction now writing (which started before it). A
   * second lower still, for the database clock's small steps back.
   */
  private static final String NEXT_START =
      "SELECT LEAST(clock_timestamp(), (SELECT min(xact_start) FROM pg_stat_activity"
          + " WHERE backend_xid IS NOT NULL AND datname = current_database()))"
          + " - interval '1 second'";

  private static final String ALL = "SELECT type, value FROM identifier_evidence WHERE at > ?";
  private static final String SINCE =
      "SELECT type, value FROM identifier_evidence WHERE recorded_at >= ?";
  private static final int FETCH = 10_000;

  private final DataSource dataSource;
  private final TrustConfig trust;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  /** The hashes; before the first load ends, only those added on this instance. */
  private LongOpenHashSet hashes = new LongOpenHashSet();

  /** Whether the first load ended: before, everything may be listed. */
  private boolean loaded;

  /** Where the next poll starts reading (the database's clock); only the poller touches it. */
  private Timestamp pollFrom;

  ListedIdentifiers(DataSource dataSource, TrustConfig trust) {
    this.dataSource = dataSource;
    this.trust = trust;
  }

  /**
   * Whether the identifier may have evidence: false only when it certainly has none.
   *
   * @param value the canonical value
   */
  public boolean mayBeListed(IdentifierType type, String value) {
    long hash = hash(type.name(), value);
    lock.readLock().lock();
    try {
      return !loaded || hashes.contains(hash);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Whether the first load has ended (before it, every check goes to the database). */
  public boolean loaded() {
    lock.readLock().lock();
    try {
      return loaded;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Loads the set before the service takes requests (HTTP opens after startup observers). */
  void onStart(@Observes StartupEvent start) {
    try {
      load();
    } catch (RuntimeException e) {
      // Checks go to the database meanwhile; the next poll tries again.
      LOG.warnf("Watchlist view not loaded at start: %s", e.getMessage());
    }
  }

  /** Evidence recorded on this instance shows at once, as soon as it committed. */
  void onEvidence(@Observes(during = TransactionPhase.AFTER_SUCCESS) EvidenceAdded added) {
    add(List.of(hash(added.type().name(), added.value())));
  }

  /**
   * Loads the set if the load at start failed, else polls the rows written since the last poll;
   * called every {@code fraudtip.watchlist.refresh-interval} (see {@link Watchlist}).
   *
   * @return the {@code TYPE|value} keys of the rows read (some seen before)
   */
  public List<String> refresh() {
    try {
      if (!loaded()) {
        load();
      }
      return poll();
    } catch (RuntimeException e) {
      LOG.warnf("Watchlist view not refreshed: %s", e.getMessage());
      return List.of();
    }
  }

  private synchronized List<String> poll() {
    List<String> keys = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      Timestamp next = nextStart(c);
      try (PreparedStatement s = c.prepareStatement(SINCE)) {
        s.setTimestamp(1, pollFrom);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            keys.add(rs.getString(1) + "|" + rs.getString(2));
          }
        }
      }
      pollFrom = next;
    } catch (SQLException e) {
      throw new IllegalStateException("watchlist view poll failed", e);
    }
    // Only identifiers new to this view: the poll re-reads a window, and rows this instance
    // recorded were handled after their commit; forgetting their answers again would cut the
    // answer cache short for every recent report.
    Set<Long> fresh = new HashSet<>(add(keys.stream().map(ListedIdentifiers::hash).toList()));
    return keys.stream().filter(k -> fresh.contains(hash(k))).toList();
  }

  private synchronized void load() {
    if (loaded()) {
      // The scheduler may start polling before the startup observer ran: loaded once.
      return;
    }
    LongOpenHashSet all = new LongOpenHashSet();
    Timestamp next;
    try (Connection c = dataSource.getConnection()) {
      next = nextStart(c);
      // A cursor, not the whole result in memory at once (the driver needs a transaction for it).
      c.setAutoCommit(false);
      try (PreparedStatement s = c.prepareStatement(ALL)) {
        s.setFetchSize(FETCH);
        s.setTimestamp(1, Timestamp.from(Timestamps.now().minus(trust.maxAge())));
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            all.add(hash(rs.getString(1), rs.getString(2)));
          }
        }
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("watchlist view load failed", e);
    }
    lock.writeLock().lock();
    try {
      // What this instance added meanwhile stays (the load may not have seen it).
      all.addAll(hashes);
      hashes = all;
      loaded = true;
    } finally {
      lock.writeLock().unlock();
    }
    pollFrom = next;
    LOG.infof("Watchlist view loaded: %d identifiers with evidence", all.size());
  }

  /** Adds the hashes; returns those the view did not hold yet. */
  private List<Long> add(List<Long> added) {
    if (added.isEmpty()) {
      return List.of();
    }
    List<Long> fresh = new ArrayList<>();
    lock.writeLock().lock();
    try {
      for (long h : added) {
        if (hashes.add(h)) {
          fresh.add(h);
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
    return fresh;
  }

  private static Timestamp nextStart(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(NEXT_START);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getTimestamp(1);
    }
  }

  private static long hash(String key) {
    int bar = key.indexOf('|');
    return hash(key.substring(0, bar), key.substring(bar + 1));
  }

  /** A 64-bit hash of {@code TYPE|value}: FNV-1a over the characters, then mixed. */
  static long hash(String type, String value) {
    long h = 0xcbf29ce484222325L;
    h = fnv(h, type);
    h = (h ^ '|') * 0x100000001b3L;
    return HashCommon.mix(fnv(h, value));
  }

  private static long fnv(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    return h;
  }
}

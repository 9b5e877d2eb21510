package io.fraudtip.intake.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Seals the reporters' files stored before files were sealed at rest, once, at start-up: in the
 * background (the service answers meanwhile; such a file is read as it was stored until it is
 * sealed), a few files per transaction so that no transaction holds many files in memory.
 */
@ApplicationScoped
public class EvidenceSealing {
  private static final Logger LOG = Logger.getLogger(EvidenceSealing.class);

  /** Files per transaction: each may be as large as the upload limit. */
  private static final int PER_TRANSACTION = 10;

  private final EvidenceService evidence;

  EvidenceSealing(EvidenceService evidence) {
    this.evidence = evidence;
  }

  void onStart(@Observes StartupEvent event) {
    Thread worker = new Thread(this::sealSafely, "evidence-sealing");
    worker.setDaemon(true);
    worker.start();
  }

  /**
   * Seals every file stored unsealed.
   *
   * @return how many files it sealed
   */
  public int sealStored() {
    int total = 0;
    int sealed;
    do {
      sealed = QuarkusTransaction.requiringNew().call(() -> evidence.sealStored(PER_TRANSACTION));
      total += sealed;
    } while (sealed > 0);
    return total;
  }

  private void sealSafely() {
    try {
      int sealed = sealStored();
      if (sealed > 0) {
        LOG.infof("Sealed %d evidence files stored before files were sealed at rest", sealed);
      }
    } catch (RuntimeException e) {
      // Left as they are, still readable; the next start tries again.
      LOG.warnf("Could not seal the evidence files stored unsealed: %s", e.toString());
    }
  }
}

package io.fraudtip.intake.domain;

import io.fraudtip.commons.evidence.EvidenceFiles.Uploader;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A file a reporter attached to their tip. Lists read it without its bytes (a projection in {@code
 * EvidenceService}); the bytes are read one file at a time.
 */
@Entity
@Table(name = "evidence_file")
public class EvidenceFile extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "tip_id", nullable = false)
  public UUID tipId;

  @Column(nullable = false)
  public String name;

  @Column(name = "content_type", nullable = false)
  public String contentType;

  @Column(name = "size_bytes", nullable = false)
  public long sizeBytes;

  @Column(nullable = false)
  public String sha256;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Uploader uploader;

  @Column(name = "uploaded_at", nullable = false)
  public Instant uploadedAt;

  /**
   * The file's bytes: sealed ({@code PersonalDataCipher#sealFile}) when {@link #sealed}, as
   * uploaded in rows stored before files were sealed.
   */
  @Column(nullable = false)
  public byte[] content;

  /** Whether {@link #content} is sealed. */
  @Column(nullable = false)
  public boolean sealed;
}

package io.fraudtip.cases.evidence;

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

/** A file a police unit attached to a case. Lists read its columns, never its bytes. */
@Entity
@Table(name = "case_evidence")
public class CaseEvidence extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "case_id", nullable = false)
  public UUID caseId;

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

  @Column(name = "unit_code", nullable = false)
  public String unitCode;

  @Column(nullable = false)
  public String subject;

  @Column(name = "uploaded_at", nullable = false)
  public Instant uploadedAt;

  @Column(nullable = false)
  public byte[] content;
}

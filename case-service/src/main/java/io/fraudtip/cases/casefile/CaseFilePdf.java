package io.fraudtip.cases.casefile;

import io.fraudtip.cases.api.CaseFileViews.BankAnswer;
import io.fraudtip.cases.api.CaseFileViews.CaseFile;
import io.fraudtip.cases.api.CaseFileViews.EvidenceEntry;
import io.fraudtip.cases.api.CaseFileViews.FileIdentifier;
import io.fraudtip.cases.api.CaseFileViews.FileTimelineLine;
import io.fraudtip.cases.api.CaseFileViews.FileTip;
import io.fraudtip.cases.api.CaseFileViews.FileTransfer;
import io.fraudtip.cases.api.CaseFileViews.IdentifierLayer;
import io.fraudtip.cases.api.CaseViews.FreezeRequestView;
import io.fraudtip.cases.api.CaseViews.FrozenAccountView;
import io.fraudtip.cases.api.ContactViews.ReporterContact;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The case file as a PDF a person reads: Vietnamese headings (English beside them), times in
 * Vietnam's time, amounts grouped as Vietnamese write them ({@code 150.000.000 VND}).
 */
public final class CaseFilePdf {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ROOT)
          .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

  private CaseFilePdf() {}

  /** The PDF of a case file. */
  public static byte[] render(CaseFile f) {
    try (PdfText pdf = new PdfText()) {
      pdf.title("HỒ SƠ VỤ VIỆC " + f.reference());
      pdf.text("Case file " + f.reference() + " (" + f.caseId() + ")");
      pdf.field(
          "Lập lúc (made at)", time(f.generatedAt()) + " (UTC+7), bởi (by) " + f.generatedBy());
      pdf.field("Đơn vị thụ lý (unit)", f.unitCode());
      pdf.field(
          "Trạng thái (status)",
          f.status() + " / " + f.stage() + (f.closure() == null ? "" : " / " + f.closure()));
      pdf.field("Loại lừa đảo (scam type)", f.scamType());
      pdf.field(
          "Tỉnh (province)",
          f.provinceCode() + (f.communeCode() == null ? "" : ", xã (commune) " + f.communeCode()));
      pdf.field("Mở ngày (opened)", time(f.openedAt()));
      if (f.closedAt() != null) {
        pdf.field("Đóng ngày (closed)", time(f.closedAt()));
      }
      if (f.mergedInto() != null) {
        pdf.field("Đã gộp vào (merged into)", f.mergedInto());
      }
      pdf.field("Số bị hại (victims)", f.victims() + ", số tỉnh (provinces) " + f.provinces());

      pdf.heading("Số tiền (amounts)");
      pdf.field("Thiệt hại (lost)", vnd(f.amounts().lossVnd()));
      pdf.field("Đã phong tỏa (held)", vnd(f.amounts().heldVnd()));
      pdf.field("Đã hoàn trả (restored)", vnd(f.amounts().restoredVnd()));

      pdf.heading("Tin báo (tips): " + f.tips().size());
      int n = 0;
      for (FileTip t : f.tips()) {
        tip(pdf, ++n, t, f.contactsIncluded());
      }

      pdf.heading("Định danh theo lớp (identifiers by layer)");
      for (IdentifierLayer layer : f.identifierLayers()) {
        pdf.text("Lớp (layer) " + layer.layer() + ":");
        for (FileIdentifier i : layer.identifiers()) {
          pdf.text(
              "  • "
                  + i.type()
                  + " "
                  + i.value()
                  + " — "
                  + i.reportCount()
                  + " báo cáo (reports)"
                  + (i.delistedAt() == null ? "" : ", gỡ khỏi danh sách " + time(i.delistedAt())));
        }
      }

      pdf.heading("Trả lời của ngân hàng (bank answers)");
      if (f.bankAnswers().isEmpty()) {
        pdf.text("Chưa có (none yet)");
      }
      for (BankAnswer b : f.bankAnswers()) {
        pdf.text(
            time(b.respondedAt())
                + "  "
                + b.bankBin()
                + ":"
                + b.accountNumber()
                + " (lớp "
                + b.layer()
                + ") "
                + b.outcome()
                + ", phong tỏa "
                + vnd(b.heldVnd())
                + ", hoàn trả "
                + vnd(b.restoredVnd())
                + (b.current() ? "" : " (đã thay thế / superseded)"));
      }

      pdf.heading("Yêu cầu phong tỏa (freeze requests)");
      if (f.freezeRequests().isEmpty()) {
        pdf.text("Chưa có (none yet)");
      }
      for (FreezeRequestView r : f.freezeRequests()) {
        pdf.text(time(r.requestedAt()) + "  " + r.unitCode() + " (" + r.requestedBy() + ")");
        for (FrozenAccountView a : r.accounts()) {
          pdf.text(
              "  • "
                  + a.bankBin()
                  + ":"
                  + a.accountNumber()
                  + " "
                  + a.state()
                  + (a.holdAmountVnd() == null ? "" : ", " + vnd(a.holdAmountVnd()))
                  + (a.holdExpiresAt() == null ? "" : ", đến " + time(a.holdExpiresAt())));
        }
      }

      pdf.heading("Diễn biến (timeline)");
      for (FileTimelineLine l : f.timeline()) {
        pdf.text(
            time(l.at())
                + "  "
                + l.kind()
                + (l.unitCode() == null ? "" : " [" + l.unitCode() + "]")
                + (l.actor() == null ? "" : " " + l.actor())
                + (l.detail() == null ? "" : ": " + l.detail()));
      }

      pdf.heading("Chứng cứ (evidence): " + f.evidence().size());
      for (EvidenceEntry e : f.evidence()) {
        pdf.text(
            "  • "
                + e.name()
                + " ("
                + e.contentType()
                + ", "
                + e.sizeBytes()
                + " bytes) SHA-256 "
                + e.sha256()
                + ", "
                + e.attachedBy()
                + ", "
                + time(e.attachedAt()));
      }
      if (f.evidenceNote() != null) {
        pdf.text("  " + f.evidenceNote());
      }
      return pdf.toBytes();
    }
  }

  private static void tip(PdfText pdf, int n, FileTip t, boolean contactsAsked) {
    pdf.text("");
    pdf.text(n + ". Tin báo (tip) " + t.tipId() + ", nhận lúc (received) " + time(t.receivedAt()));
    pdf.field("Xảy ra (occurred)", time(t.occurredAt()));
    pdf.field("Kênh, độ tin cậy (channel, trust)", t.channel() + ", " + t.trust());
    pdf.field("Thiệt hại (lost)", vnd(t.amountLostVnd()));
    pdf.field("Nội dung (account of events)", t.description());
    for (FileTransfer x : t.transfers()) {
      pdf.text(
          "  • Chuyển khoản (transfer) "
              + vnd(x.amountVnd())
              + " → "
              + x.bankBin()
              + ":"
              + x.accountNumber()
              + (x.accountName() == null ? "" : " (" + x.accountName() + ")")
              + ", "
              + time(x.at()));
    }
    if (contactsAsked) {
      ReporterContact r = t.reporter();
      pdf.field(
          "Người báo (reporter)",
          r == null
              ? "không có hoặc không đọc được (none or unavailable)"
              : String.join(
                  ", ",
                  java.util.stream.Stream.of(r.name(), r.phone(), r.email(), r.nationalId())
                      .filter(s -> s != null && !s.isBlank())
                      .toList()));
    }
  }

  static String vnd(long amount) {
    return String.format(Locale.ROOT, "%,d", amount).replace(',', '.') + " VND";
  }

  private static String time(Instant at) {
    return at == null ? "—" : TIME.format(at);
  }
}

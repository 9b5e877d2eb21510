package io.fraudtip.cases.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A report's text cells are data operators write (a unit's code may start with a dash): a
 * spreadsheet must read them as text, never as a formula, and a comma must not shift the columns.
 */
class ReportCsvTest {
  @Test
  void aCellThatASpreadsheetWouldReadAsAFormulaIsEscapedAndACommaQuoted() {
    assertThat(ReportCsv.cell("PA05-66")).isEqualTo("PA05-66");
    assertThat(ReportCsv.cell("-A1-B2")).isEqualTo("'-A1-B2");
    assertThat(ReportCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(ReportCsv.cell("+1")).isEqualTo("'+1");
    assertThat(ReportCsv.cell("@SUM")).isEqualTo("'@SUM");
    assertThat(ReportCsv.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(ReportCsv.cell(null)).isEmpty();
  }
}

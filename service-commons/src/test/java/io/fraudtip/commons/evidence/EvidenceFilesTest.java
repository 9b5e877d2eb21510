package io.fraudtip.commons.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EvidenceFilesTest {
  private static final byte[] PDF = "%PDF-1.7\n<script>x</script>".getBytes(StandardCharsets.UTF_8);

  /** The name a unit downloads ends in what the bytes are, whatever the uploader called it. */
  @Test
  void aNameWhoseExtensionIsNotItsTypesGetsTheTypesOne() {
    assertThat(EvidenceFiles.check(PDF, "bien-lai.hta", 1_000).name())
        .isEqualTo("bien-lai.hta.pdf");
    assertThat(EvidenceFiles.check(PDF, "sao-ke", 1_000).name()).isEqualTo("sao-ke.pdf");
    assertThat(EvidenceFiles.check(PDF, "Sao-Ke.PDF", 1_000).name()).isEqualTo("Sao-Ke.PDF");
  }

  /** A right-to-left override showed "bien-lai\u202Efdp.hta" as "bien-laiath.pdf". */
  @Test
  void formatCharactersAreTakenOutOfTheName() {
    assertThat(EvidenceFiles.cleanName("bien-lai\u202Efdp.hta")).isEqualTo("bien-laifdp.hta");
    assertThat(EvidenceFiles.cleanName("a\u200Bb.png")).isEqualTo("ab.png");
  }
}

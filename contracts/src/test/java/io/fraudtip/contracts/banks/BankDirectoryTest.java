package io.fraudtip.contracts.banks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BankDirectoryTest {
  private final BankDirectory banks = new BankDirectory();

  @ParameterizedTest
  @CsvSource({
    "970436, 970436",
    "Vietcombank, 970436",
    "VIETCOMBANK, 970436",
    "BFTVVNVX, 970436",
    "mb bank, 970422",
    "MBBANK, 970422",
    "Techcombank, 970407",
    // Former names keep their BIN.
    "Ocean Bank, 970414",
    "OCEANBANK, 970414",
    "LienVietPostBank, 970449",
    "DongA Bank, 970406",
    "Đông Á Bank, 970406",
    "MoMo, 971025",
    // Short names people type: VietQR codes and stock tickers.
    "VCB, 970436",
    "vcb, 970436",
    "CTG, 970415",
    "ICB, 970415",
    "BID, 970418",
    "TCB, 970407",
    "MB, 970422",
    "STB, 970403",
    // An alias never shadows a directory code: SCB is Saigon Commercial Bank's own code.
    "SCB, 970429"
  })
  void aBankIsFoundByBinCodeOrNameAndStoredAsItsBin(String typed, String bin) {
    assertThat(banks.find(typed)).get().extracting(BankDirectory.Bank::bin).isEqualTo(bin);
  }

  @Test
  void aRenamedBankIsShownUnderItsCurrentName() {
    assertThat(banks.find("LienVietPostBank").orElseThrow().code()).isEqualTo("LPBANK");
    assertThat(banks.find("DongA Bank").orElseThrow().code()).isEqualTo("VIKKI");
    assertThat(banks.find("OceanBank").orElseThrow().code()).isEqualTo("MBV");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ABC", "999999", "BIDC", "Vietcom"})
  void unknownBanksAreNotFound(String typed) {
    assertThat(banks.find(typed)).isEmpty();
  }

  @Test
  void theBundledDirectoryIsComplete() {
    // 62 rows, one without a BIN, three BINs shared by a former and a current name.
    assertThat(banks.size()).isEqualTo(58);
  }

  @Test
  void aBankIsFoundByBinWithItsFormerNames() {
    BankDirectory.Bank lpBank = banks.byBin("970449").orElseThrow();

    assertThat(lpBank.name()).isNotEqualTo("LienVietPostBank");
    assertThat(lpBank.formerNames()).isNotEmpty();
    assertThat(banks.exists("970436")).isTrue();
    assertThat(banks.exists("999999")).isFalse();
    assertThat(banks.all()).hasSize(banks.size());
  }
}

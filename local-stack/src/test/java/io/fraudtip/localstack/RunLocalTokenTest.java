package io.fraudtip.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudtip.localstack.security.SigningKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLocalTokenTest {
  @TempDir Path home;

  @Test
  void aTokenIsMintedForAnyUnitOfTheAdministrativeData() {
    SigningKeys.loadOrCreate(home.resolve("keys"));
    for (String unit : List.of("CAX-00004", "PA05-79", "PC02-01", "CAT-96", "A05", "CAX-24133")) {
      String token = RunLocal.token(home, List.of("police", unit));
      String claims =
          new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
      assertThat(claims).contains("\"unit\":\"" + unit + "\"");
    }
  }

  @Test
  void aCodeNeitherInTheDataNorInARunningCaseServiceIsRefused() {
    SigningKeys.loadOrCreate(home.resolve("keys"));
    for (String unit : List.of("CAX-99999", "PA05-99", "CAX-0004", "pa05-79")) {
      assertThatThrownBy(() -> RunLocal.token(home, List.of("police", unit)))
          .isInstanceOf(RunLocal.UsageException.class)
          .hasMessageContaining("no police unit " + unit);
    }
  }
}

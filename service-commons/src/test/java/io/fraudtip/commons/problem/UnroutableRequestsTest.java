package io.fraudtip.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnroutableRequestsTest {
  @Test
  void aValidAddressPassesWhateverItsEscapesDecodeTo() {
    assertThat(UnroutableRequests.malformed("/api/v1/watchlist/check?type=PHONE&value=0912", null))
        .isNull();
    // Valid escapes, even of bytes that are not UTF-8, are the REST layer's to judge.
    assertThat(UnroutableRequests.malformed("/api/v1/tips/%C0%AF?q=a%20b&r=%E2%9C%93", null))
        .isNull();
  }

  @Test
  void aBadEscapeInAValueNamesItsParameter() {
    Problem problem =
        UnroutableRequests.malformed("/api/v1/watchlist/check?type=PHONE&value=09%zz", null);
    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.type()).isEqualTo("validation");
    assertThat(problem.instance()).isNull();
    assertThat(problem.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("value");
              assertThat(e.code()).isEqualTo("uri.malformed");
              assertThat(e.message()).startsWith("Not a valid URI at character 44:");
            });
    assertThat(UnroutableRequests.malformed("/a?x=1&value=a|b", null).errors().get(0).field())
        .isEqualTo("value");
    assertThat(UnroutableRequests.malformed("/a?value=%E0%A4%A", null).errors().get(0).field())
        .isEqualTo("value");
  }

  @Test
  void aBadCharacterInThePathOrInAParameterNameIsTheAddresss() {
    assertThat(UnroutableRequests.malformed("/api/v1/tips/%zz", null).errors().get(0).field())
        .isEqualTo("uri");
    assertThat(
            UnroutableRequests.malformed("/a?ty%zzpe=PHONE&value=1", null).errors().get(0).field())
        .isEqualTo("uri");
    assertThat(UnroutableRequests.malformed("/a?%zz", null).errors().get(0).field())
        .isEqualTo("uri");
    assertThat(UnroutableRequests.malformed("/a|b?x=1", null).errors().get(0).field())
        .isEqualTo("uri");
  }

  @Test
  void theMessageIsInTheCallersLanguage() {
    Problem problem = UnroutableRequests.malformed("/a?value=%zz", "vi");
    assertThat(problem.title()).isEqualTo("Yêu cầu không hợp lệ");
    assertThat(problem.errors().get(0).message()).startsWith("URI không hợp lệ tại ký tự thứ 10:");
  }
}

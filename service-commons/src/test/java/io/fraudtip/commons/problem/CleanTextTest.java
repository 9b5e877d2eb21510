package io.fraudtip.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CleanTextTest {
  record Note(String text, List<String> tags, Instant at) {}

  private final ObjectMapper mapper = mapper();

  private static ObjectMapper mapper() {
    ObjectMapper m = new ObjectMapper().findAndRegisterModules();
    new CleanText().customize(m);
    return m;
  }

  @Test
  void vietnameseTextWithLineBreaksAndTabsIsClean() throws Exception {
    Note note = mapper.readValue("{\"text\": \"Đã phong tỏa\\n\\ttài khoản\"}", Note.class);
    assertThat(note.text()).isEqualTo("Đã phong tỏa\n\ttài khoản");
    assertThat(CleanText.isClean("Nguyễn Thị Hoa, 0912 345 678")).isTrue();
  }

  @Test
  void nulOtherControlsAndBidiOverridesAreRefusedInFieldsAndLists() {
    for (String bad : List.of("\\u0000", "\\u0007", "\\u001b", "\\u009b", "\\u202e", "\\u2066")) {
      assertThatThrownBy(() -> mapper.readValue("{\"text\": \"a" + bad + "b\"}", Note.class))
          .isInstanceOfSatisfying(
              InvalidFormatException.class,
              e -> assertThat(e.getOriginalMessage()).endsWith(CleanText.CODE));
      assertThatThrownBy(
              () -> mapper.readValue("{\"tags\": [\"ok\", \"a" + bad + "\"]}", Note.class))
          .isInstanceOf(InvalidFormatException.class);
    }
    assertThat(CleanText.isClean("12\u202E34")).isFalse();
  }

  /** Text that shows nothing says nothing: read as empty, so that a required field is blank. */
  @Test
  void textOfOnlyInvisibleCharactersIsEmpty() throws Exception {
    for (String nothing :
        List.of(
            "\\u200b\\u200b",
            "\\u2060 \\ufeff",
            "\\u3000",
            " \\u00a0",
            "\\udb40\\udc20\\udb40\\udc41")) {
      assertThat(mapper.readValue("{\"text\": \"" + nothing + "\"}", Note.class).text())
          .as(nothing)
          .isEmpty();
    }
    // Beside visible text they stay: a joiner is part of an emoji or a word.
    assertThat(mapper.readValue("{\"text\": \"a\\u200db\"}", Note.class).text())
        .isEqualTo("a\u200db");
  }

  @Test
  void bodiesAndQueryParametersRefuseTheSameCharacters() {
    // isClean (JSON bodies) is a loop; REGEX (query parameters' @Pattern) says the same in a
    // pattern: every char, alone and inside text, is judged alike by both.
    java.util.regex.Pattern regex = java.util.regex.Pattern.compile(CleanText.REGEX);
    int refused = 0;
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      String text = "ab" + c + "cd";
      boolean byPattern = regex.matcher(text).matches();
      assertThat(CleanText.isClean(text)).as("U+%04X", (int) c).isEqualTo(byPattern);
      refused += byPattern ? 0 : 1;
    }
    // 0x00-0x1F but tab, LF and CR; 0x7F-0x9F; U+202A-U+202E; U+2066-U+2069.
    assertThat(refused).isEqualTo(29 + 33 + 5 + 4);
  }

  @Test
  void whatFollowsTheDocumentIsRefused() {
    assertThatThrownBy(() -> mapper.readValue("{\"text\": \"a\"} }{", Note.class))
        .isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> mapper.readValue("{\"text\": \"a\"} {\"text\": \"b\"}", Note.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void numbersAreNeitherTextNorTimes() throws Exception {
    assertThatThrownBy(() -> mapper.readValue("{\"text\": 1e400}", Note.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> mapper.readValue("{\"text\": true}", Note.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> mapper.readValue("{\"at\": 1e400}", Note.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThat(mapper.readValue("{\"at\": \"2026-11-23T08:00:00Z\"}", Note.class).at())
        .isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
  }
}

package io.fraudtip.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProblemExceptionTest {
  @Test
  void anInvalidFieldIsA400ValidationProblemNamingTheField() {
    ProblemException e = ProblemException.invalid("from", "date.order", "from is after to");

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.type()).isEqualTo("validation");
    assertThat(e.getMessage()).isEqualTo("The request has 1 invalid field(s)");
    assertThat(e.errors())
        .containsExactly(new FieldError("from", "date.order", "from is after to"));
  }

  @Test
  void violationsAreAnsweredAllAtOnceSortedByField() {
    Violations violations = new Violations(Locale.ENGLISH);
    violations.add(new FieldError("b", "x", "B is bad"));
    violations.add(new FieldError("a", "y", "A is bad"));

    ProblemException e = null;
    try {
      violations.throwIfAny();
    } catch (ProblemException thrown) {
      e = thrown;
    }

    assertThat(violations.has("a")).isTrue();
    assertThat(e).isNotNull();
    assertThat(e.errors()).extracting(FieldError::field).isEqualTo(List.of("a", "b"));
    assertThat(e.getMessage()).isEqualTo("The request has 2 invalid field(s)");
  }

  @Test
  void anUnavailableAnswerTellsTheClientWhenToComeBack() {
    // A full or closing group-commit queue, a peer service away: nothing was stored.
    Response busy =
        new ProblemMapper()
            .problem(new ProblemException(503, "unavailable", "Unavailable", "Try again"), null);
    Response invalid =
        new ProblemMapper().problem(ProblemException.invalid("from", "date.order", "bad"), null);

    assertThat(busy.getStatus()).isEqualTo(503);
    assertThat(busy.getMediaType()).hasToString(Problem.MEDIA_TYPE);
    assertThat(busy.getHeaderString("Retry-After")).isEqualTo("1");
    assertThat(invalid.getHeaderString("Retry-After")).isNull();
  }
}

package io.fraudtip.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class FieldPathsTest {
  record Body(@NotNull String name, List<@Size(max = 3) String> phones) {}

  /** Declared on an interface, as a generated or documented API is. */
  interface Api {
    void search(
        @QueryParam("q") @NotBlank String query, @HeaderParam("X-Unit") @NotNull String unit);
  }

  static class Resource implements Api {
    @Override
    public void search(String query, String unit) {}

    public void read(@PathParam("id") @Size(max = 2) String caseId) {}

    public void post(@Valid @NotNull Body body) {}
  }

  private static final ValidatorFactory FACTORY =
      Validation.byDefaultProvider()
          .configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory();
  private static final Validator VALIDATOR = FACTORY.getValidator();

  @AfterAll
  static void close() {
    FACTORY.close();
  }

  private static List<String> fields(String method, Object... args) throws Exception {
    Method m =
        List.of(Resource.class.getMethods()).stream()
            .filter(x -> x.getName().equals(method) && x.getDeclaringClass() == Resource.class)
            .findFirst()
            .orElseThrow();
    Set<ConstraintViolation<Resource>> violations =
        VALIDATOR.forExecutables().validateParameters(new Resource(), m, args);
    return violations.stream().map(FieldPaths::of).sorted().toList();
  }

  @Test
  void anInvalidParameterIsNamedAsTheRequestNamesIt() throws Exception {
    assertThat(fields("search", " ", null)).containsExactly("X-Unit", "q");
    assertThat(fields("read", "abc")).containsExactly("id");
  }

  @Test
  void aBodysFieldsAreItsJsonPathsAndTheBodyItselfHasNone() throws Exception {
    assertThat(fields("post", new Body(null, List.of("1234"))))
        .containsExactly("name", "phones[0]");
    assertThat(fields("post", (Object) null)).containsExactly("");
  }
}

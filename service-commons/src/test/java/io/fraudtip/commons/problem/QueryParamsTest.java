package io.fraudtip.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QueryParamsTest {
  enum Colour {
    RED,
    GREEN
  }

  private final QueryParams provider = new QueryParams();

  @Test
  void aKnownValueConverts() {
    assertThat(converter(Colour.class, "colour").fromString("GREEN")).isEqualTo(Colour.GREEN);
    assertThat(converter(int.class, "page").fromString("3")).isEqualTo(3);
    assertThat(converter(Instant.class, "since").fromString("2026-07-01T08:00:00Z"))
        .isEqualTo(Instant.parse("2026-07-01T08:00:00Z"));
  }

  @Test
  void anUnknownEnumValueIsA400NamingTheParameterAndTheValuesItTakes() {
    assertThatThrownBy(() -> converter(Colour.class, "colour").fromString("green"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.errors())
                  .singleElement()
                  .satisfies(
                      f -> {
                        assertThat(f.field()).isEqualTo("colour");
                        assertThat(f.message()).isEqualTo("must be one of RED, GREEN");
                      });
            });
  }

  @Test
  void numbersTimesAndIdsThatDoNotParseAre400s() {
    assertThatThrownBy(() -> converter(int.class, "page").fromString("1e400"))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> converter(Long.class, "n").fromString("9223372036854775808"))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> converter(Instant.class, "since").fromString("yesterday"))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> converter(UUID.class, "alertId").fromString("1"))
        .isInstanceOf(ProblemException.class);
    // The same words as the same mistake in a JSON body (the platform's messages).
    assertThatThrownBy(() -> converter(long.class, "n").fromString("1.5"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.errors().get(0).message())
                    .isEqualTo("must be a whole number within range"));
    assertThatThrownBy(() -> converter(Instant.class, "since").fromString("2026-07-01T08:00:00"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.errors().get(0).message())
                    .isEqualTo("must be a time with its offset, such as 2026-07-01T08:00:00Z"));
  }

  @Test
  void pathParametersAreLeftToTheRestLayer() {
    PathParam path = annotation(PathParam.class);
    assertThat(provider.getConverter(UUID.class, UUID.class, new Annotation[] {path})).isNull();
  }

  private <T> ParamConverter<T> converter(Class<T> type, String name) {
    QueryParam query =
        new QueryParam() {
          @Override
          public String value() {
            return name;
          }

          @Override
          public Class<? extends Annotation> annotationType() {
            return QueryParam.class;
          }
        };
    return provider.getConverter(type, type, new Annotation[] {query});
  }

  private static <A extends Annotation> A annotation(Class<A> type) {
    return type.cast(
        java.lang.reflect.Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> method.getName().equals("annotationType") ? type : "id"));
  }
}

package io.fraudtip.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RepeatedParamsTest {
  static class Filter {
    @QueryParam("province")
    public String province;

    @QueryParam("scamType")
    public List<String> scamTypes;
  }

  /** Declared on an interface, as intake's API is. */
  interface Api {
    void search(
        @QueryParam("q") String query,
        @QueryParam("tag") Set<String> tags,
        @QueryParam("id") String[] ids,
        @HeaderParam("X-Unit") String unit,
        @BeanParam Filter filter);
  }

  static class Resource implements Api {
    @Override
    public void search(String query, Set<String> tags, String[] ids, String unit, Filter filter) {}

    public void read(@PathParam("id") String id, @QueryParam("page") int page) {}

    public void post(String body) {}
  }

  @Test
  void onlyQueryParametersThatTakeOneValueAreChecked() throws Exception {
    assertThat(
            RepeatedParams.singleValued(
                Resource.class,
                Resource.class.getMethod(
                    "search", String.class, Set.class, String[].class, String.class, Filter.class)))
        .containsExactly("q", "province");
    assertThat(
            RepeatedParams.singleValued(
                Resource.class, Resource.class.getMethod("read", String.class, int.class)))
        .containsExactly("page");
    assertThat(
            RepeatedParams.singleValued(
                Resource.class, Resource.class.getMethod("post", String.class)))
        .isEmpty();
  }

  @Test
  void aRepeatedParameterIsA400NamingItInTheCallersLanguage() {
    assertThatThrownBy(() -> RepeatedParams.refuse("value", Locale.ENGLISH))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.type()).isEqualTo("validation");
              assertThat(e.errors())
                  .singleElement()
                  .satisfies(
                      f -> {
                        assertThat(f.field()).isEqualTo("value");
                        assertThat(f.code()).isEqualTo("parameter.repeated");
                        assertThat(f.message())
                            .isEqualTo("The parameter 'value' is given more than once");
                      });
            });
    assertThatThrownBy(() -> RepeatedParams.refuse("value", ProblemMessages.VIETNAMESE))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.errors().get(0).message())
                    .isEqualTo("Tham số 'value' xuất hiện nhiều lần"));
  }
}

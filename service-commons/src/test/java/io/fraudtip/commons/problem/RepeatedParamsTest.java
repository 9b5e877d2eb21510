package io.fraudtip.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
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
    ProblemException english = RepeatedParams.repeated("value", java.util.Locale.ENGLISH);
    assertThat(english.status()).isEqualTo(400);
    assertThat(english.type()).isEqualTo("validation");
    assertThat(english.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("value");
              assertThat(e.code()).isEqualTo("parameter.repeated");
              assertThat(e.message()).isEqualTo("The parameter 'value' is given more than once");
            });
    assertThat(
            RepeatedParams.repeated("value", ProblemMessages.VIETNAMESE).errors().get(0).message())
        .isEqualTo("Tham số 'value' xuất hiện nhiều lần");
  }
}

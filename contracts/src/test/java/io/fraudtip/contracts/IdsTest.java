package io.fraudtip.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void idsAreVersionSevenAndCarryTheMillisecondTheyWereMadeIn() {
    long before = System.currentTimeMillis();
    UUID id = Ids.next();
    long after = System.currentTimeMillis();

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
  }

  @Test
  void idsMadeLaterSortAfterInTheDatabasesOrder() throws InterruptedException {
    UUID first = Ids.next();
    Thread.sleep(2);
    UUID second = Ids.next();

    // PostgreSQL orders uuid values byte by byte, as their text sorts.
    assertThat(second.toString()).isGreaterThan(first.toString());
  }

  @Test
  void idsMadeInTheSameMillisecondDiffer() {
    List<UUID> ids = IntStream.range(0, 10_000).mapToObj(i -> Ids.next()).toList();

    assertThat(new HashSet<>(ids)).hasSize(ids.size());
  }

  @Test
  void theRandomTailVariesWhereTheTimeDoesNot() {
    Set<String> tails = new HashSet<>();
    Set<String> heads = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      UUID id = Ids.next();
      tails.add(Ids.randomTail(id, 8));
      heads.add(id.toString().substring(0, 8));
    }

    assertThat(tails).hasSize(1_000).allMatch(t -> t.matches("[0-9A-F]{8}"));
    assertThat(heads).hasSizeLessThan(3);
    assertThatThrownBy(() -> Ids.randomTail(Ids.next(), 13))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDerivedIdIsTheSameEveryTimeAndKeepsItsSourcesTime() {
    UUID alert = Ids.next();
    UUID derived = Ids.derived(alert, "alert-delivered");

    assertThat(Ids.derived(alert, "alert-delivered")).isEqualTo(derived);
    assertThat(derived.version()).isEqualTo(8);
    assertThat(derived.variant()).isEqualTo(2);
    assertThat(derived.getMostSignificantBits() >>> 16)
        .isEqualTo(alert.getMostSignificantBits() >>> 16);
    assertThat(derived).isNotEqualTo(alert);
    assertThat(Ids.derived(alert, "alert-answered")).isNotEqualTo(derived);
  }

  @Test
  void derivedIdsDifferBySourceAndSortInTheirSourcesTimeOrder() throws InterruptedException {
    List<UUID> sources = IntStream.range(0, 10_000).mapToObj(i -> Ids.next()).toList();
    Set<UUID> derived = new HashSet<>();
    sources.forEach(s -> derived.add(Ids.derived(s, "alert-delivered")));
    assertThat(derived).hasSize(sources.size());

    UUID first = Ids.next();
    Thread.sleep(2);
    UUID second = Ids.next();
    assertThat(Ids.derived(second, "alert-delivered").toString())
        .isGreaterThan(Ids.derived(first, "alert-delivered").toString());
  }
}

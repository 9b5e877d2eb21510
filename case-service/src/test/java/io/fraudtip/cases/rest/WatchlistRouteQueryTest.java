package io.fraudtip.cases.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudtip.cases.api.WatchlistViews.Item;
import io.fraudtip.contracts.tips.IdentifierType;
import org.junit.jupiter.api.Test;

/** How the single check's fast path reads its query, and what it leaves to the resource. */
class WatchlistRouteQueryTest {
  @Test
  void theTypeAndTheValueAreReadDecodedInAnyOrderBesideOtherParameters() {
    assertThat(WatchlistRoute.item("type=PHONE&value=0912345678"))
        .contains(new Item(IdentifierType.PHONE, "0912345678"));
    assertThat(WatchlistRoute.item("lang=vi&value=970436%3A0123456789&type=BANK_ACCOUNT&x"))
        .contains(new Item(IdentifierType.BANK_ACCOUNT, "970436:0123456789"));
    // As a form decodes it: a plus is a space, an encoded plus is a plus.
    assertThat(WatchlistRoute.item("type=URL&value=https%3A%2F%2Fa.vn%2F%3Fq%3Da+b"))
        .contains(new Item(IdentifierType.URL, "https://a.vn/?q=a b"));
    assertThat(WatchlistRoute.item("type=PHONE&value=%2B84912345678"))
        .contains(new Item(IdentifierType.PHONE, "+84912345678"));
    // A value or a type escaped where it need not be is decoded all the same.
    assertThat(WatchlistRoute.item("type=BANK%5FACCOUNT&value=970436%3a0123456789"))
        .contains(new Item(IdentifierType.BANK_ACCOUNT, "970436:0123456789"));
    assertThat(WatchlistRoute.item("type=PHONE&value=09123+45678"))
        .contains(new Item(IdentifierType.PHONE, "09123 45678"));
  }

  @Test
  void whatTheResourceMustJudgeIsLeftToIt() {
    assertThat(WatchlistRoute.item(null)).isEmpty();
    assertThat(WatchlistRoute.item("")).isEmpty();
    assertThat(WatchlistRoute.item("type=PHONE")).isEmpty();
    assertThat(WatchlistRoute.item("value=0912345678")).isEmpty();
    assertThat(WatchlistRoute.item("type=PHONE&value=")).isEmpty();
    assertThat(WatchlistRoute.item("type=PHONE&value")).isEmpty();
    assertThat(WatchlistRoute.item("type=PHONE&value=1&value=1")).isEmpty();
    assertThat(WatchlistRoute.item("type=PHONE&type=PHONE&value=1")).isEmpty();
    assertThat(WatchlistRoute.item("type=phone&value=0912345678")).isEmpty();
    // Names are the resource's, case and all; one that is encoded may decode to one of them.
    assertThat(WatchlistRoute.item("TYPE=PHONE&value=0912345678")).isEmpty();
    assertThat(WatchlistRoute.item("typ%65=PHONE&type=PHONE&value=0912345678")).isEmpty();
    assertThat(WatchlistRoute.item("type=PHONE;value=0912345678")).isEmpty();
    assertThat(WatchlistRoute.item("type=PHONE&value=0912%E2%80%AE345678")).isEmpty();
    assertThat(
            WatchlistRoute.item("type=PHONE&value=" + "9".repeat(WatchlistResource.MAX_VALUE + 1)))
        .isEmpty();
    // A malformed escape throws, and the route then hands the request on.
    assertThatThrownBy(() -> WatchlistRoute.item("type=PHONE&value=0912%ZZ"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

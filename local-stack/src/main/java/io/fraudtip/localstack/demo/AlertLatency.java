package io.fraudtip.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.fraudtip.localstack.bank.DemoBank;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headline measure: time from an accepted tip ({@code receivedAt} of intake's receipt) to the
 * {@code account.reported} webhook received, signature verified, by the demo bank. Sends tips one
 * after the other at a fixed pace, each naming a fresh account at one of the seeded banks, then
 * waits for every alert.
 */
public final class AlertLatency {
  private final Platform platform;
  private final List<String> banks;

  public AlertLatency(Platform platform, List<String> banks) {
    this.platform = platform;
    this.banks = List.copyOf(banks);
  }

  /**
   * The figures of one run.
   *
   * @param latencies tip accepted → bank alert, one per tip, sorted
   * @param sending how long sending the tips took
   */
  public record Result(List<Duration> latencies, Duration sending) {
    public Duration percentile(double p) {
      int i = (int) Math.ceil(p / 100.0 * latencies.size()) - 1;
      return latencies.get(Math.max(0, Math.min(latencies.size() - 1, i)));
    }

    public Duration median() {
      return percentile(50);
    }

    public Duration max() {
      return latencies.get(latencies.size() - 1);
    }

    /** One line: count, median, p90, max. */
    public String summary() {
      return String.format(
          java.util.Locale.ROOT,
          "%d tips: tip accepted → bank alert median %d ms, p90 %d ms, max %d ms",
          latencies.size(),
          median().toMillis(),
          percentile(90).toMillis(),
          max().toMillis());
    }
  }

  /**
   * Sends {@code tips} tips, one every {@code pace}, and waits for each one's alert.
   *
   * <p>Intake limits tips per source address (120 a minute by default); a {@code 429} is waited out
   * as its {@code Retry-After} says, which only delays sending: latency is measured from the tip's
   * acceptance.
   */
  public Result run(int tips, Duration pace) {
    Map<String, Instant> acceptedByAccount = new LinkedHashMap<>();
    Map<String, String> bankOf = new HashMap<>();
    Instant start = Instant.now();
    for (int i = 0; i < tips; i++) {
      Instant due = start.plus(pace.multipliedBy(i));
      Duration wait = Duration.between(Instant.now(), due);
      if (!wait.isNegative()) {
        Platform.sleep(wait);
      }
      String bank = banks.get(i % banks.size());
      String account = Platform.newAccountNumber();
      JsonNode receipt = platform.submitTip(tip(bank, account));
      acceptedByAccount.put(account, Instant.parse(receipt.path("receivedAt").asText()));
      bankOf.put(account, bank);
    }
    Duration sending = Duration.between(start, Instant.now());

    Map<String, Instant> alertedByAccount = new HashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    Platform.await(
        "the alerts of " + tips + " tips",
        () -> {
          for (String bank : banks) {
            List<DemoBank.Delivery> all = platform.bank().receiver(bank).deliveries();
            int from = seen.getOrDefault(bank, 0);
            for (DemoBank.Delivery d : all.subList(Math.min(from, all.size()), all.size())) {
              if (!d.verified()) {
                continue;
              }
              JsonNode json = Platform.parse(d.body());
              String account = json.path("data").path("accountNumber").asText();
              if ("account.reported".equals(json.path("type").asText())
                  && acceptedByAccount.containsKey(account)) {
                alertedByAccount.putIfAbsent(account, d.receivedAt());
              }
            }
            seen.put(bank, all.size());
          }
          return alertedByAccount.size() == acceptedByAccount.size()
              ? java.util.Optional.of(true)
              : java.util.Optional.empty();
        });
    List<Duration> latencies = new ArrayList<>();
    acceptedByAccount.forEach(
        (account, accepted) ->
            latencies.add(Duration.between(accepted, alertedByAccount.get(account))));
    Collections.sort(latencies);
    return new Result(latencies, sending);
  }

  /** An anonymous tip of a small online-shopping fraud in Nha Trang, paid to {@code account}. */
  static Map<String, Object> tip(String bank, String account) {
    Instant now = Instant.now();
    Map<String, Object> tip = new LinkedHashMap<>();
    tip.put("channel", "WEB");
    tip.put("location", Map.of("provinceCode", "56", "communeCode", "22366"));
    tip.put("occurredAt", now.minus(3, ChronoUnit.HOURS).toString());
    tip.put("scamType", "ONLINE_SHOPPING_DELIVERY");
    tip.put("description", "Shop online giả trên mạng xã hội, nhận tiền cọc rồi chặn liên lạc");
    tip.put("amountLostVnd", 2_500_000);
    tip.put(
        "transfers",
        List.of(
            Map.of(
                "bank",
                bank,
                "accountNumber",
                account,
                "amountVnd",
                2_500_000,
                "at",
                now.minus(2, ChronoUnit.HOURS).toString())));
    return tip;
  }
}

package io.paygate.gateway.merchants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paygate.gateway.core.MerchantLimits;
import io.paygate.gateway.errors.Checked;
import io.paygate.gateway.merchants.LimitsChange.Limit;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A {@code PUT .../limits} body read at the edge: each limit left out (kept), null (the default
 * again) or a number (its own), and every bad field named, fields that are no limit first.
 */
class LimitsChangeReaderTest {
  private static final String WHOLE_NUMBER = "must be a whole number from 0 (no limit) to"
      + " 1000000, or null for the default";
  private static final MerchantLimits BEFORE = new MerchantLimits(5, 9);

  @Test
  void aFieldLeftOutKeepsItsLimit() {
    LimitsChange change = read(body("writespersecond", new BigDecimal("3"))).orThrow();

    assertThat(change.reads()).isEqualTo(Limit.KEEP);
    assertThat(change.applyTo(BEFORE)).isEqualTo(new MerchantLimits(5, 3));
    assertThat(read(body()).orThrow().applyTo(BEFORE)).as("an empty body changes nothing")
        .isEqualTo(BEFORE);
  }

  @Test
  void nullGivesTheDefaultBack() {
    LimitsChange change = read(body("readspersecond", null)).orThrow();

    assertThat(change.reads()).isEqualTo(Limit.DEFAULT);
    assertThat(change.applyTo(BEFORE)).isEqualTo(new MerchantLimits(null, 9));
  }

  @Test
  void aNumberIsTheMerchantsOwnLimitZeroForNone() {
    LimitsChange change = read(body("readspersecond", BigDecimal.ZERO,
        "writespersecond", new BigDecimal("1000000.0"))).orThrow();

    assertThat(change.reads()).isEqualTo(Limit.perSecond(0));
    assertThat(change.applyTo(BEFORE)).isEqualTo(new MerchantLimits(0, MerchantLimits.MAX));
    assertThat(change.applyTo(MerchantLimits.unset()))
        .isEqualTo(new MerchantLimits(0, MerchantLimits.MAX));
  }

  @Test
  void everyBadFieldIsNamedFieldsThatAreNoLimitFirst() {
    Checked<LimitsChange> refused = read(body("writespersecond", new BigDecimal("1.5"),
        "burst", BigDecimal.ONE, "readspersecond", "5", "period", null));

    assertThat(refused.isValid()).isFalse();
    assertThat(refused.errors()).extracting(Object::toString).containsExactly(
        "burst: is not a limit; use readsPerSecond or writesPerSecond",
        "period: is not a limit; use readsPerSecond or writesPerSecond",
        "readsPerSecond: " + WHOLE_NUMBER,
        "writesPerSecond: " + WHOLE_NUMBER);
  }

  @Test
  void numbersOutOfRangeOrNotWholeAreRefused() {
    for (Object bad : List.of(new BigDecimal("-1"), new BigDecimal("1000001"),
        new BigDecimal("0.5"), new BigDecimal("1e7"), true, List.of(1))) {
      assertThat(read(body("readspersecond", bad)).errors()).as("%s", bad)
          .extracting(Object::toString).containsExactly("readsPerSecond: " + WHOLE_NUMBER);
    }
    assertThat(read(body("readspersecond", new BigDecimal("1E+3"))).orThrow().reads())
        .isEqualTo(Limit.perSecond(1000));
  }

  @Test
  void aLimitCannotBeBuiltOutOfRange() {
    assertThatThrownBy(() -> Limit.perSecond(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Limit.perSecond(MerchantLimits.MAX + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Checked<LimitsChange> read(Map<String, Object> body) {
    return LimitsChangeReader.read(body);
  }

  /** A body as JsonBodyParser hands it over: keys in lower case, in document order. */
  private static Map<String, Object> body(Object... keysAndValues) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      body.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return body;
  }
}

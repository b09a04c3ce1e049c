package io.paygate.gateway.merchants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paygate.gateway.errors.Checked;
import io.paygate.gateway.errors.ValidationException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A {@code PUT .../acquirer} body read at the edge: names as sent, in order, or the field's one
 * fault. Whether a name is loaded is the service's question (a 422), so not asked here.
 */
class AcquirerRouteReaderTest {
  private static final String SHAPE = "acquiringbank: must be an acquirer's name, or a list of 1"
      + " to 5 names in the order to try them";

  @Test
  void oneNameOrAnOrderedListIsARouteOfTheNamesAsSent() {
    assertThat(AcquirerRouteReader.read(Map.of("acquiringbank", "piggybank")).orThrow())
        .isEqualTo(new AcquirerRoute(List.of("piggybank")));
    assertThat(AcquirerRouteReader.read(Map.of("acquiringbank",
        List.of("NoSuchBank", "PiggyBank", "PiggyBank"))).orThrow().names())
        .as("unknown and repeated names are the service's to refuse")
        .containsExactly("NoSuchBank", "PiggyBank", "PiggyBank");
  }

  @Test
  void aMissingOrNullFieldIsRequired() {
    assertThat(errors(AcquirerRouteReader.read(Map.of())))
        .containsExactly("acquiringbank: is required");
    Map<String, Object> nullBank = new HashMap<>();
    nullBank.put("acquiringbank", null);
    assertThat(errors(AcquirerRouteReader.read(nullBank)))
        .containsExactly("acquiringbank: is required");
  }

  @Test
  void anythingButANameOrOneToFiveNamesIsRefusedWithOneMessage() {
    for (Object bad : List.of(BigDecimal.ONE, List.of(), List.of("A", "B", "C", "D", "E", "F"),
        Arrays.asList("PiggyBank", BigDecimal.TEN), Map.of("name", "PiggyBank"), true)) {
      assertThat(errors(AcquirerRouteReader.read(Map.of("acquiringbank", bad)))).as("%s", bad)
          .containsExactly(SHAPE);
    }
    assertThat(AcquirerRouteReader.read(Map.of("acquiringbank",
        List.of("A", "B", "C", "D", "E"))).isValid()).as("five is the most").isTrue();
  }

  @Test
  void aRefusedRouteThrowsOnlyWhenTheServiceAsks() {
    Checked<AcquirerRoute> refused = AcquirerRouteReader.read(Map.of("acquiringbank", 5));

    assertThat(refused.isValid()).isFalse();
    assertThatThrownBy(refused::orThrow).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.errors()).hasSize(1));
  }

  private static List<String> errors(Checked<?> checked) {
    return checked.errors().stream().map(Object::toString).toList();
  }
}

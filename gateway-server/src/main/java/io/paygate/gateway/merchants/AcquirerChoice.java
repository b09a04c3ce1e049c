package io.paygate.gateway.merchants;

import io.paygate.gateway.acquirer.AcquirerRegistry;
import io.paygate.gateway.acquirer.LoadedAcquirer;
import io.paygate.gateway.errors.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads {@code acquiringbank} of a merchant: one acquirer's name, as the original clients send it,
 * or an ordered list of names for failover (the first is tried first).
 */
final class AcquirerChoice {
  static final String FIELD = "acquiringbank";
  /** More would only add latency to a payment that every bank refuses. */
  static final int MAX_ACQUIRERS = 5;

  private AcquirerChoice() {}

  /** The names as sent, or null (with an error added) when the field is missing or malformed. */
  static List<String> names(Object value, List<FieldError> errors) {
    if (value == null) {
      errors.add(new FieldError(FIELD, "is required"));
      return null;
    }
    if (value instanceof String s) {
      return List.of(s);
    }
    if (value instanceof List<?> list && !list.isEmpty() && list.size() <= MAX_ACQUIRERS
        && list.stream().allMatch(String.class::isInstance)) {
      return list.stream().map(String.class::cast).toList();
    }
    errors.add(new FieldError(FIELD, "must be an acquirer's name, or a list of 1 to "
        + MAX_ACQUIRERS + " names in the order to try them"));
    return null;
  }

  /** The loaded acquirers' names, as the registry spells them, in the order given. */
  static List<String> resolve(List<String> names, AcquirerRegistry acquirers,
      List<FieldError> errors) {
    if (names == null) {
      return List.of();
    }
    List<String> chosen = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String which = names.size() == 1 ? "" : "entry " + (i + 1) + ": ";
      Optional<LoadedAcquirer> found = acquirers.find(names.get(i));
      if (found.isEmpty()) {
        errors.add(new FieldError(FIELD, which + "no acquirer of that name is loaded; loaded: "
            + acquirers.all().stream().map(LoadedAcquirer::name).collect(Collectors.joining(", "))));
      } else if (chosen.contains(found.get().name())) {
        errors.add(new FieldError(FIELD, which + "names " + found.get().name() + " again"));
      } else if (found.get().name().contains(",")) {
        // Kept comma-separated: a plug-in whose name has a comma cannot be in a list.
        errors.add(new FieldError(FIELD, which + "an acquirer whose name has a comma cannot be"
            + " listed"));
      } else {
        chosen.add(found.get().name());
      }
    }
    return chosen;
  }
}

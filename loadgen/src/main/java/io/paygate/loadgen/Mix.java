package io.paygate.loadgen;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The proportions of each {@link RequestKind} in the workload, parsed from
 * {@code authorised=90,declined=5,invalid=3,history=2} (weights, not necessarily summing to 100).
 */
public final class Mix {
  private final RequestKind[] kinds;
  private final int[] cumulative;
  private final int total;
  private final Map<RequestKind, Integer> weights;

  private Mix(Map<RequestKind, Integer> weights) {
    this.weights = weights;
    this.kinds = weights.keySet().toArray(new RequestKind[0]);
    this.cumulative = new int[kinds.length];
    int sum = 0;
    for (int i = 0; i < kinds.length; i++) {
      sum += weights.get(kinds[i]);
      cumulative[i] = sum;
    }
    this.total = sum;
  }

  /**
   * Parses a mix.
   *
   * @throws IllegalArgumentException naming the bad part
   */
  public static Mix parse(String text) {
    Map<RequestKind, Integer> weights = new EnumMap<>(RequestKind.class);
    for (String part : text.split(",")) {
      String[] kv = part.trim().split("=");
      if (kv.length != 2) {
        throw new IllegalArgumentException("'" + part + "' is not kind=weight");
      }
      RequestKind kind;
      try {
        kind = RequestKind.valueOf(kv[0].trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'" + kv[0].trim()
            + "' is not one of authorised, declined, invalid, history");
      }
      int weight;
      try {
        weight = Integer.parseInt(kv[1].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("the weight of " + kind.label() + " is not a number");
      }
      if (weight < 0) {
        throw new IllegalArgumentException("the weight of " + kind.label() + " is negative");
      }
      if (weight > 0) {
        weights.put(kind, weight);
      }
    }
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("the mix has no kind with a positive weight");
    }
    return new Mix(weights);
  }

  /** A kind drawn at random with the mix's weights. */
  public RequestKind next() {
    int r = ThreadLocalRandom.current().nextInt(total);
    for (int i = 0; i < cumulative.length; i++) {
      if (r < cumulative[i]) {
        return kinds[i];
      }
    }
    return kinds[kinds.length - 1];
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    weights.forEach((k, w) -> b.append(b.length() == 0 ? "" : ",").append(k.label()).append('=').append(w));
    return b.toString();
  }
}

package io.paygate.gateway.support;

import java.util.Locale;
import java.util.Map;

/** The Piggy Bank plug-in's settings as the tests set them. */
public final class PiggyBank {
  /** Starts the embedded simulator: tests and demonstrations only. */
  public static final String SIMULATOR_SETTING = "acquirer.piggybank.simulator";
  public static final String SIMULATOR_VARIABLE = "PAYGATE_ACQUIRER_PIGGYBANK_SIMULATOR";

  private PiggyBank() {}

  /** Whether these settings or variables point Piggy Bank at a bank of the test's own. */
  static boolean hasBaseUrl(Map<String, String> settings) {
    return settings.keySet().stream()
        .map(k -> k.toLowerCase(Locale.ROOT).replace('_', '.').replace("paygate.", ""))
        .anyMatch(k -> k.equals("acquirer.piggybank.baseurl"));
  }
}

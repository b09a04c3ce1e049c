package io.paygate.piggy;

import io.paygate.acquirer.spi.AcquirerConfigurationException;
import io.paygate.acquirer.spi.AcquirerSettings;
import io.paygate.acquirer.spi.Setting;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * The Piggy Bank plug-in's configuration, read and checked from its section of the gateway's
 * configuration.
 *
 * @param baseUrl the bank's address; null when {@code simulator} is true
 * @param simulator whether to start an embedded simulator instead of calling a bank
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer, and the longest a call may take
 * @param simulatorDelay how long the embedded simulator delays its answers; zero for none
 * @param maxConnections the most connections to the bank, and so the most calls, at once
 */
record PiggyBankSettings(
    HttpUrl baseUrl, boolean simulator, Duration connectTimeout, Duration readTimeout, Duration simulatorDelay,
    int maxConnections) {

  static final String BASE_URL = "baseUrl";
  static final String CONNECT_TIMEOUT = "connectTimeout";
  static final String READ_TIMEOUT = "readTimeout";
  static final String SIMULATOR = "simulator";
  static final String SIMULATOR_DELAY = "simulatorDelay";
  static final String MAX_CONNECTIONS = "maxConnections";

  private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);
  private static final int DEFAULT_MAX_CONNECTIONS = 64;

  /** The settings as the gateway lists them to operators. */
  static final List<Setting> DECLARED = List.of(
      Setting.optional(BASE_URL, "The Piggy Bank's address, such as https://piggybank.example."
          + " Required unless simulator is true.", null),
      Setting.optional(SIMULATOR, "true to start an embedded Piggy Bank simulator on 127.0.0.1"
          + " instead of calling a bank, for demonstrations and tests only: it approves every"
          + " odd card number and no money moves. Needs the piggy-simulator jar on the class"
          + " path; not allowed together with baseUrl.", "false"),
      Setting.optional(CONNECT_TIMEOUT, "How long to wait for a connection to the bank.", "1s"),
      Setting.optional(READ_TIMEOUT, "How long to wait for the bank's answer; also the longest"
          + " one call may take. A payment whose answer does not come in time is Unknown and"
          + " reconciled later.", "5s"),
      Setting.optional(SIMULATOR_DELAY, "How long the embedded simulator delays every answer,"
          + " to play a slow bank. Only with simulator=true.", "0ms"),
      Setting.optional(MAX_CONNECTIONS, "The most connections to the bank at once. A call that"
          + " finds none free waits for one until its deadline, then fails without being"
          + " sent.", String.valueOf(DEFAULT_MAX_CONNECTIONS)));

  /**
   * Reads the settings.
   *
   * @throws AcquirerConfigurationException naming the setting at fault
   */
  static PiggyBankSettings from(AcquirerSettings settings) {
    HttpUrl baseUrl = settings.get(BASE_URL).map(url -> parseUrl(settings, url)).orElse(null);
    boolean simulator = settings.flag(SIMULATOR, false);
    Duration connectTimeout = timeout(settings, CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT);
    Duration readTimeout = timeout(settings, READ_TIMEOUT, DEFAULT_READ_TIMEOUT);
    Duration simulatorDelay = settings.get(SIMULATOR_DELAY)
        .map(delay -> parseDelay(settings, delay)).orElse(Duration.ZERO);
    int maxConnections = settings.integer(MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS);
    if (maxConnections < 1) {
      throw invalid(settings, MAX_CONNECTIONS, "must be at least 1, not " + maxConnections);
    }
    // Each value is well-formed; now, where do payments go? Never to a simulator by accident.
    if (simulator && baseUrl != null) {
      throw invalid(settings, SIMULATOR, "is true and '" + BASE_URL + "' is set too: it is"
          + " ambiguous whether payments go to " + baseUrl + " or to a simulator; set one of"
          + " them");
    }
    if (!simulator && baseUrl == null) {
      throw invalid(settings, BASE_URL, "is required: the Piggy Bank's address, such as"
          + " https://piggybank.example (for demonstrations and tests only, '" + SIMULATOR
          + "=true' starts a built-in simulator instead)");
    }
    if (!simulator && !simulatorDelay.isZero()) {
      throw invalid(settings, SIMULATOR_DELAY, "applies only to the embedded simulator, which is"
          + " not started: '" + BASE_URL + "' is set and '" + SIMULATOR + "' is not true");
    }
    return new PiggyBankSettings(
        baseUrl, simulator, connectTimeout, readTimeout, simulatorDelay, maxConnections);
  }

  private static HttpUrl parseUrl(AcquirerSettings settings, String text) {
    HttpUrl url = HttpUrl.parse(text);
    if (url == null) {
      throw invalid(settings, BASE_URL, "must be an http or https URL, not '" + text + "'");
    }
    return url;
  }

  /** A positive duration, in whole milliseconds within what OkHttp accepts. */
  private static Duration timeout(AcquirerSettings settings, String name, Duration defaultValue) {
    Duration timeout = settings.duration(name, defaultValue);
    if (timeout.toMillis() < 1 || timeout.toMillis() > Integer.MAX_VALUE) {
      throw invalid(settings, name, "must be between 1 ms and " + Integer.MAX_VALUE + " ms, not "
          + timeout.toMillis() + " ms");
    }
    return timeout;
  }

  /** Like {@link AcquirerSettings#duration}, but zero is allowed: it means no delay. */
  private static Duration parseDelay(AcquirerSettings settings, String text) {
    Duration delay = AcquirerSettings.parseDuration(text);
    if (delay == null || delay.isNegative()) {
      throw invalid(settings, SIMULATOR_DELAY,
          "must be a duration such as 0ms, 200ms or PT0.2S, not '" + text + "'");
    }
    return delay;
  }

  private static AcquirerConfigurationException invalid(
      AcquirerSettings settings, String name, String problem) {
    return new AcquirerConfigurationException(
        "acquirer " + settings.acquirerName() + ": setting '" + name + "' " + problem);
  }
}

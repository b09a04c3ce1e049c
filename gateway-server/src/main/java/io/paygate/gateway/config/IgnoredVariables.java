package io.paygate.gateway.config;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@code PAYGATE_*} environment variables that are not settings of the server, yet may well be in
 * its environment: those of the project's own scripts and examples, and those read outside the
 * settings layer. The server ignores them on purpose instead of refusing them as unknown
 * (README, "Configuration"). Every other {@code PAYGATE_*} variable must be a setting.
 */
public final class IgnoredVariables {
  /** Variable to who reads it. */
  static final Map<String, String> READERS = new TreeMap<>(Map.of(
      "PAYGATE_CONFIG", "the gateway's command line: the configuration file, like --config",
      "PAYGATE_LOG_LEVEL", "logback.xml: the root log level",
      "PAYGATE_CDS", "run.sh: off turns class-data sharing off",
      "PAYGATE_JVM_OPTS", "scripts that start a JVM",
      "PAYGATE_URL", "the examples and load tools: the gateway to talk to",
      "PAYGATE_LOGIN", "the SDK quick start: a merchant's login",
      "PAYGATE_PASSWORD", "the SDK quick start and SDK examples: a merchant's password"));

  private IgnoredVariables() {}

  /** Whether the server ignores this environment variable on purpose. */
  public static boolean isIgnored(String variable) {
    return READERS.containsKey(variable);
  }
}

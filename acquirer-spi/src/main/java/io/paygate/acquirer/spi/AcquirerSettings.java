package io.paygate.acquirer.spi;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One acquirer's configuration section: the settings the operator gave, by name (names are
 * matched case-insensitively, since environment variables are upper case).
 */
public final class AcquirerSettings {
  private final String acquirerName;
  private final Map<String, String> values;

  /**
   * @param acquirerName the acquirer these settings belong to, for error messages
   * @param values setting name to value
   */
  public AcquirerSettings(String acquirerName, Map<String, String> values) {
    this.acquirerName = acquirerName;
    TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(values);
    this.values = Collections.unmodifiableMap(copy);
  }

  /** The acquirer these settings belong to. */
  public String acquirerName() {
    return acquirerName;
  }

  /** Every setting given, by name. */
  public Map<String, String> asMap() {
    return values;
  }

  /** The value of {@code name}, if given and not blank. */
  public Optional<String> get(String name) {
    String v = values.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  /** The value of {@code name}, or {@code defaultValue}. */
  public String get(String name, String defaultValue) {
    return get(name).orElse(defaultValue);
  }

  /**
   * The value of {@code name}.
   *
   * @throws AcquirerConfigurationException naming the acquirer and the setting when it is missing
   */
  public String require(String name) {
    return get(name).orElseThrow(() -> new AcquirerConfigurationException(
        "acquirer " + acquirerName + ": setting '" + name + "' is required"));
  }

  /**
   * A duration: {@code 500ms}, {@code 5s}, {@code 2m}, or ISO 8601 ({@code PT5S}).
   *
   * @throws AcquirerConfigurationException when the value is not a positive duration
   */
  public Duration duration(String name, Duration defaultValue) {
    Optional<String> v = get(name);
    if (v.isEmpty()) {
      return defaultValue;
    }
    Duration d = parseDuration(v.get());
    if (d == null || d.isNegative() || d.isZero()) {
      throw new AcquirerConfigurationException("acquirer " + acquirerName + ": setting '" + name
          + "' must be a positive duration such as 500ms, 5s or PT5S, not '" + v.get() + "'");
    }
    return d;
  }

  /**
   * A whole number.
   *
   * @throws AcquirerConfigurationException when the value is not a whole number
   */
  public int integer(String name, int defaultValue) {
    Optional<String> v = get(name);
    if (v.isEmpty()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(v.get());
    } catch (NumberFormatException e) {
      throw new AcquirerConfigurationException("acquirer " + acquirerName + ": setting '" + name
          + "' must be a whole number, not '" + v.get() + "'");
    }
  }

  /**
   * {@code true} or {@code false}.
   *
   * @throws AcquirerConfigurationException for any other value
   */
  public boolean flag(String name, boolean defaultValue) {
    Optional<String> v = get(name);
    if (v.isEmpty()) {
      return defaultValue;
    }
    switch (v.get().toLowerCase(Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw new AcquirerConfigurationException("acquirer " + acquirerName + ": setting '" + name
            + "' must be true or false, not '" + v.get() + "'");
    }
  }

  /** Parses {@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h} or ISO 8601; null if neither. */
  public static Duration parseDuration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.startsWith("p")) {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      }
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
      }
      long n = Long.parseLong(t.substring(0, t.length() - 1).trim());
      switch (t.charAt(t.length() - 1)) {
        case 's':
          return Duration.ofSeconds(n);
        case 'm':
          return Duration.ofMinutes(n);
        case 'h':
          return Duration.ofHours(n);
        default:
          return null;
      }
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    // Values may be secrets: show the names only.
    return "AcquirerSettings{" + acquirerName + ", " + values.keySet() + "}";
  }
}

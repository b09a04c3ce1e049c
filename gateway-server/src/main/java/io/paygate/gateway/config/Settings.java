package io.paygate.gateway.config;

import io.paygate.acquirer.spi.AcquirerSettings;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;

/** Typed reads of a {@link ConfigSource}, each failure naming the setting and where it came from. */
final class Settings {
  private final ConfigSource source;

  Settings(ConfigSource source) {
    this.source = source;
  }

  String string(String key, String defaultValue) {
    return source.get(key).orElse(defaultValue);
  }

  int integer(String key, int defaultValue, int min, int max) {
    long value = longValue(key, defaultValue, min, max);
    return (int) value;
  }

  long longValue(String key, long defaultValue, long min, long max) {
    String raw = source.get(key).orElse(null);
    if (raw == null) {
      return defaultValue;
    }
    long value;
    try {
      value = Long.parseLong(raw.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new ConfigException(source.describe(key) + " must be a whole number, not '" + raw + "'");
    }
    if (value < min || value > max) {
      throw new ConfigException(
          source.describe(key) + " must be between " + min + " and " + max + ", not " + value);
    }
    return value;
  }

  Duration duration(String key, Duration defaultValue) {
    String raw = source.get(key).orElse(null);
    if (raw == null) {
      return defaultValue;
    }
    Duration d = AcquirerSettings.parseDuration(raw);
    if (d == null || d.isNegative() || d.isZero()) {
      throw new ConfigException(source.describe(key)
          + " must be a positive duration such as 500ms, 30s, 15m or PT15M, not '" + raw + "'");
    }
    return d;
  }

  Path path(String key, Path defaultValue) {
    String raw = source.get(key).orElse(null);
    if (raw == null) {
      return defaultValue.toAbsolutePath();
    }
    try {
      return Path.of(raw).toAbsolutePath();
    } catch (InvalidPathException e) {
      throw new ConfigException(source.describe(key) + " is not a valid path: " + e.getMessage());
    }
  }
}

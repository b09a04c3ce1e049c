package io.paygate.gateway.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Raw settings by name, layered: built-in defaults, then a properties file, then environment
 * variables. Setting {@code db.url} is {@code PAYGATE_DB_URL} in the environment; names are
 * compared without case, with {@code .}, {@code -} and {@code _} all equal.
 */
public final class ConfigSource {
  static final String ENV_PREFIX = "PAYGATE_";

  /** Normalised key to [original key, value, origin]. */
  private final Map<String, Entry> entries = new TreeMap<>();
  /** Normalised keys something asked for: what start-up reads. The rest is refused. */
  private final Map<String, String> asked = new ConcurrentHashMap<>();

  /** Where a value came from, for error messages. */
  record Entry(String key, String value, String origin) {
    boolean fromEnvironment() {
      return origin.startsWith("environment");
    }
  }

  private ConfigSource() {}

  /**
   * Reads the file (when not null) and the environment.
   *
   * @throws ConfigException when the file cannot be read
   */
  public static ConfigSource load(Path file, Map<String, String> env) {
    ConfigSource source = new ConfigSource();
    if (file != null) {
      Properties props = new Properties();
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        props.load(reader);
      } catch (IOException e) {
        throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage(), e);
      }
      for (String key : props.stringPropertyNames()) {
        source.put(key, props.getProperty(key), "file " + file);
      }
    }
    for (Map.Entry<String, String> e : env.entrySet()) {
      if (e.getKey().startsWith(ENV_PREFIX) && !IgnoredVariables.isIgnored(e.getKey())) {
        String key = e.getKey().substring(ENV_PREFIX.length());
        source.put(key, e.getValue(), "environment variable " + e.getKey());
      }
    }
    return source;
  }

  /** A source from a map, as if it came from a file: for tests and embedding. */
  public static ConfigSource of(Map<String, String> settings) {
    ConfigSource source = new ConfigSource();
    settings.forEach((k, v) -> source.put(k, v, "setting"));
    return source;
  }

  private void put(String key, String value, String origin) {
    entries.put(normalise(key), new Entry(key, value, origin));
  }

  static String normalise(String key) {
    return key.trim().toLowerCase(Locale.ROOT).replace('-', '.').replace('_', '.');
  }

  /** The value of a setting, if given and not blank. Records that the setting is known. */
  public Optional<String> get(String key) {
    asked.putIfAbsent(normalise(key), key);
    Entry e = entries.get(normalise(key));
    return e == null || e.value().isBlank() ? Optional.empty() : Optional.of(e.value().trim());
  }

  /** Describes where a setting came from: {@code "PAYGATE_PORT"}, {@code "port in file x"}. */
  String describe(String key) {
    Entry e = entries.get(normalise(key));
    if (e == null) {
      return "setting '" + key + "' (PAYGATE_" + envName(key) + ")";
    }
    return e.origin().startsWith("environment")
        ? e.origin()
        : "setting '" + key + "' (" + e.origin() + ")";
  }

  static String envName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** Records that {@code key} is a known setting, read by someone other than {@link #get}. */
  public void markKnown(String key) {
    asked.putIfAbsent(normalise(key), key);
  }

  /** Every setting asked for so far: normalised name to the name as asked. */
  Map<String, String> known() {
    return Map.copyOf(asked);
  }

  /** The settings given (in the file or the environment) that nothing asked for. */
  List<Entry> unknown() {
    return entries.entrySet().stream().filter(e -> !asked.containsKey(e.getKey()))
        .map(Map.Entry::getValue).toList();
  }

  /**
   * Every setting under {@code prefix.} with the prefix removed, keyed by the rest of the name in
   * its normalised form (lower case, dots).
   */
  public Map<String, String> section(String prefix) {
    String p = normalise(prefix) + ".";
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      if (e.getKey().startsWith(p)) {
        out.put(e.getKey().substring(p.length()), e.getValue().value());
      }
    }
    return out;
  }
}

package io.paygate.gateway.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Refuses settings that nothing asked for, each named with the closest known name. The known
 * names are those read during start-up ({@link ConfigSource#get}, and each loaded acquirer's
 * declared settings), so the check never goes stale as settings are added.
 */
final class UnknownSettings {
  private UnknownSettings() {}

  static void refuse(ConfigSource source) {
    List<ConfigSource.Entry> unknown = source.unknown();
    if (unknown.isEmpty()) {
      return;
    }
    Map<String, String> known = new TreeMap<>(source.known());
    List<String> problems = new ArrayList<>();
    for (ConfigSource.Entry e : unknown) {
      problems.add(describe(e, known));
    }
    throw new ConfigException((problems.size() == 1 ? "unknown setting: " : "unknown settings: ")
        + String.join("; ", problems) + ". Nothing in this gateway or its acquirer plug-ins reads"
        + " " + (problems.size() == 1 ? "it" : "them") + " (see README.md, \"Configuration\")");
  }

  private static String describe(ConfigSource.Entry e, Map<String, String> known) {
    String closest = null;
    int best = Integer.MAX_VALUE;
    for (Map.Entry<String, String> k : known.entrySet()) {
      int d = EditDistance.between(ConfigSource.normalise(e.key()), k.getKey());
      if (d < best) {
        best = d;
        closest = k.getValue();
      }
    }
    if (e.fromEnvironment()) {
      return "environment variable " + ConfigSource.ENV_PREFIX + e.key()
          + (closest == null ? "" : " (did you mean " + ConfigSource.ENV_PREFIX
              + ConfigSource.envName(closest) + "?)");
    }
    return "'" + e.key() + "' (" + e.origin() + ")"
        + (closest == null ? "" : " (did you mean '" + closest + "'?)");
  }
}

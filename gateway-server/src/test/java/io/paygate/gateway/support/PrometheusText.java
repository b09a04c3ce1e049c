package io.paygate.gateway.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Parses Prometheus's text exposition format 0.0.4 (and the sample lines of OpenMetrics): one
 * sample per line, {@code name{label="value",...} value [timestamp]}, label values with the
 * format's escapes ({@code \\}, {@code \"}, {@code \n}); comment lines skipped. Strict: a line
 * that is not a sample fails the parse, so a broken exposition fails the test that reads it.
 */
public final class PrometheusText {
  /** One sample. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private final List<Sample> samples;

  private PrometheusText(List<Sample> samples) {
    this.samples = samples;
  }

  public static PrometheusText parse(String text) {
    List<Sample> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      out.add(sample(line));
    }
    return new PrometheusText(out);
  }

  private static Sample sample(String line) {
    int i = 0;
    while (i < line.length() && isNameChar(line.charAt(i), i == 0)) {
      i++;
    }
    if (i == 0) {
      throw new IllegalArgumentException("no metric name: " + line);
    }
    String name = line.substring(0, i);
    Map<String, String> labels = new LinkedHashMap<>();
    if (i < line.length() && line.charAt(i) == '{') {
      i++;
      while (line.charAt(i) != '}') {
        int eq = line.indexOf('=', i);
        String label = line.substring(i, eq).trim();
        if (line.charAt(eq + 1) != '"') {
          throw new IllegalArgumentException("label value not quoted: " + line);
        }
        StringBuilder value = new StringBuilder();
        int j = eq + 2;
        for (; line.charAt(j) != '"'; j++) {
          char c = line.charAt(j);
          if (c == '\\') {
            char next = line.charAt(++j);
            value.append(next == 'n' ? '\n' : next);
          } else {
            value.append(c);
          }
        }
        labels.put(label, value.toString());
        i = j + 1;
        if (line.charAt(i) == ',') {
          i++;
        }
      }
      i++;
    }
    String[] rest = line.substring(i).trim().split(" ");
    return new Sample(name, labels, parseValue(rest[0]));
  }

  private static double parseValue(String v) {
    return switch (v) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(v);
    };
  }

  private static boolean isNameChar(char c, boolean first) {
    return Character.isLetter(c) || c == '_' || c == ':' || (!first && Character.isDigit(c));
  }

  public List<Sample> samples() {
    return samples;
  }

  /** The names of every sample ({@code _bucket}, {@code _count} etc. as exposed). */
  public java.util.Set<String> names() {
    return samples.stream().map(Sample::name).collect(Collectors.toSet());
  }

  /** The one sample of this name whose labels include {@code labels} (label, value, ...). */
  public Optional<Sample> find(String name, String... labels) {
    List<Sample> found = all(name, labels);
    if (found.size() > 1) {
      throw new IllegalStateException("more than one sample " + name + " " + List.of(labels)
          + ": " + found);
    }
    return found.stream().findFirst();
  }

  /** The value of the one sample of this name with these labels; fails when there is none. */
  public double value(String name, String... labels) {
    return find(name, labels).orElseThrow(() -> new AssertionError("no sample " + name + " "
        + List.of(labels) + " among " + all(name))).value();
  }

  /** Every sample of this name whose labels include {@code labels}. */
  public List<Sample> all(String name, String... labels) {
    List<Sample> out = new ArrayList<>();
    for (Sample s : samples) {
      if (!s.name().equals(name)) {
        continue;
      }
      boolean match = true;
      for (int k = 0; k < labels.length; k += 2) {
        match &= labels[k + 1].equals(s.labels().get(labels[k]));
      }
      if (match) {
        out.add(s);
      }
    }
    return out;
  }
}

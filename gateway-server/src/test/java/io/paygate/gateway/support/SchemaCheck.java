package io.paygate.gateway.support;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whether a value is valid under an OpenAPI 3.0 schema, for the keywords the API's request
 * schemas use: {@code type}, {@code oneOf}, {@code pattern}, {@code minLength} and
 * {@code maxLength} (counted in code points, as JSON Schema counts characters), {@code minimum},
 * {@code maximum} and {@code exclusiveMinimum} (a boolean in 3.0). Any other keyword fails the
 * check, so that a schema can never say more than the tests look at.
 */
public final class SchemaCheck {
  private static final List<String> KNOWN = List.of("type", "oneOf", "pattern", "minLength",
      "maxLength", "minimum", "maximum", "exclusiveMinimum", "description", "example", "format",
      "deprecated", "nullable", "items", "minItems", "maxItems");

  private SchemaCheck() {}

  /** Whether {@code value} (a String, a whole Number or a BigDecimal, or null) is valid. */
  @SuppressWarnings("unchecked")
  public static boolean accepts(Map<String, Object> schema, Object value) {
    for (String keyword : schema.keySet()) {
      if (!KNOWN.contains(keyword)) {
        throw new AssertionError("the test does not know schema keyword " + keyword);
      }
    }
    if (schema.containsKey("oneOf")) {
      long matching = ((List<Object>) schema.get("oneOf")).stream()
          .filter(s -> accepts((Map<String, Object>) s, value)).count();
      return matching == 1;
    }
    Object type = schema.get("type");
    if (type == null) {
      return true;
    }
    switch ((String) type) {
      case "string" -> {
        return value instanceof String s && string(schema, s);
      }
      case "integer" -> {
        BigDecimal n = number(value);
        return n != null && n.stripTrailingZeros().scale() <= 0 && range(schema, n);
      }
      case "number" -> {
        BigDecimal n = number(value);
        return n != null && range(schema, n);
      }
      default -> throw new AssertionError("the test does not know type " + type);
    }
  }

  private static boolean string(Map<String, Object> schema, String s) {
    int length = s.codePointCount(0, s.length());
    if (schema.containsKey("minLength") && length < whole(schema.get("minLength"))) {
      return false;
    }
    if (schema.containsKey("maxLength") && length > whole(schema.get("maxLength"))) {
      return false;
    }
    // JSON Schema: the pattern may match anywhere; ours are anchored with ^ and $.
    return !schema.containsKey("pattern")
        || Pattern.compile((String) schema.get("pattern")).matcher(s).find();
  }

  private static boolean range(Map<String, Object> schema, BigDecimal n) {
    if (schema.containsKey("minimum")) {
      int c = n.compareTo(number(schema.get("minimum")));
      if (c < 0 || (c == 0 && Boolean.TRUE.equals(schema.get("exclusiveMinimum")))) {
        return false;
      }
    }
    return !schema.containsKey("maximum") || n.compareTo(number(schema.get("maximum"))) <= 0;
  }

  private static long whole(Object n) {
    return number(n).longValueExact();
  }

  private static BigDecimal number(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Double d) {
      return BigDecimal.valueOf(d); // the document, as Moshi parsed it
    }
    if (value instanceof Number n) {
      return BigDecimal.valueOf(n.longValue());
    }
    return null;
  }
}

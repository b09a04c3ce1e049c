package com.kestrelbank.paygate;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** {@code application/x-www-form-urlencoded}: Kestrel Bank's format, both ways. */
final class FormBody {
  private FormBody() {}

  static String encode(Map<String, String> fields) {
    StringJoiner form = new StringJoiner("&");
    fields.forEach((name, value) -> form.add(URLEncoder.encode(name, StandardCharsets.UTF_8)
        + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return form.toString();
  }

  /**
   * Decodes a form.
   *
   * @throws IllegalArgumentException when it is not a form (the message holds no input)
   */
  static Map<String, String> decode(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (body.isBlank()) {
      return fields;
    }
    for (String pair : body.trim().split("&")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("not a form-encoded body");
      }
      fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return fields;
  }
}

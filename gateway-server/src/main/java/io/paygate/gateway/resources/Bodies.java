package io.paygate.gateway.resources;

import io.paygate.gateway.errors.ApiException;
import io.paygate.gateway.errors.ValidationException;
import java.util.Map;

/** Small reads of request bodies shared by the resources. */
final class Bodies {
  private Bodies() {}

  /** The body, or a 400 when there was none. */
  static Map<String, Object> required(Map<String, Object> body) {
    if (body == null) {
      throw ApiException.malformedJson("the request body is empty; a JSON object is expected");
    }
    return body;
  }

  /** A required string field. */
  static String string(Map<String, Object> body, String field) {
    Object v = required(body).get(field);
    if (v == null) {
      throw ValidationException.of(field, "is required");
    }
    if (!(v instanceof String)) {
      throw ValidationException.of(field, "must be a string");
    }
    return (String) v;
  }
}

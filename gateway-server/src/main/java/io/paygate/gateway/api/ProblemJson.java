package io.paygate.gateway.api;

import com.squareup.moshi.JsonWriter;
import io.paygate.gateway.errors.FieldError;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** An RFC 9457 problem document. Carries no stack trace and no class name, ever. */
public record ProblemJson(
    int status, String type, String title, String detail, String requestId,
    List<FieldError> errors, Map<String, Object> extensions) implements JsonWritable {

  /** A problem without extension members. */
  public ProblemJson(int status, String type, String title, String detail, String requestId,
      List<FieldError> errors) {
    this(status, type, title, detail, requestId, errors, Map.of());
  }

  public static final String MEDIA_TYPE = "application/problem+json";
  static final String TYPE_BASE = "https://paygate.dev/problems/";

  @Override
  public void writeTo(JsonWriter w) throws IOException {
    w.beginObject();
    w.name("type").value(TYPE_BASE + type);
    w.name("title").value(title);
    w.name("status").value(status);
    w.name("detail").value(detail);
    if (requestId != null) {
      w.name("requestId").value(requestId);
    }
    // RFC 9457 extension members: strings and whole numbers only.
    if (extensions != null) {
      for (Map.Entry<String, Object> e : extensions.entrySet()) {
        w.name(e.getKey());
        if (e.getValue() instanceof Number n) {
          w.value(n.longValue());
        } else {
          w.value(String.valueOf(e.getValue()));
        }
      }
    }
    if (errors != null && !errors.isEmpty()) {
      w.name("errors").beginArray();
      for (FieldError e : errors) {
        w.beginObject().name("field").value(e.field()).name("message").value(e.message())
            .endObject();
      }
      w.endArray();
    }
    w.endObject();
  }
}

package io.paygate.gateway.auth;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import io.jsonwebtoken.io.AbstractDeserializer;
import io.jsonwebtoken.io.AbstractSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import okio.Buffer;
import okio.Okio;

/**
 * JSON for jjwt on Moshi, so that jjwt does not pull Jackson onto the class path. Dates are
 * written as NumericDate (seconds), as RFC 7519 wants.
 */
final class JwtJson {
  private JwtJson() {}

  static final class Serializer extends AbstractSerializer<Map<String, ?>> {
    @Override
    protected void doSerialize(Map<String, ?> map, OutputStream out) throws Exception {
      Buffer buffer = new Buffer();
      try (JsonWriter w = JsonWriter.of(buffer)) {
        write(w, map);
      }
      buffer.writeTo(out);
    }

    private static void write(JsonWriter w, Object v) throws IOException {
      if (v == null) {
        w.nullValue();
      } else if (v instanceof Map<?, ?> m) {
        w.beginObject();
        for (Map.Entry<?, ?> e : m.entrySet()) {
          w.name(String.valueOf(e.getKey()));
          write(w, e.getValue());
        }
        w.endObject();
      } else if (v instanceof Collection<?> c) {
        w.beginArray();
        for (Object o : c) {
          write(w, o);
        }
        w.endArray();
      } else if (v instanceof Date d) {
        w.value(d.getTime() / 1000);
      } else if (v instanceof Number n) {
        w.value(n);
      } else if (v instanceof Boolean b) {
        w.value(b);
      } else {
        w.value(v.toString());
      }
    }
  }

  static final class Deserializer extends AbstractDeserializer<Map<String, ?>> {
    private static final Moshi MOSHI = new Moshi.Builder().build();

    @Override
    @SuppressWarnings("unchecked")
    protected Map<String, ?> doDeserialize(Reader reader) throws Exception {
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[512];
      for (int n; (n = reader.read(buf)) > 0; ) {
        sb.append(buf, 0, n);
      }
      InputStream in = new java.io.ByteArrayInputStream(
          sb.toString().getBytes(StandardCharsets.UTF_8));
      JsonReader r = JsonReader.of(Okio.buffer(Okio.source(in)));
      Object value = MOSHI.adapter(Object.class).fromJson(r);
      if (!(value instanceof Map)) {
        throw new IOException("token payload is not a JSON object");
      }
      return (Map<String, ?>) value;
    }
  }
}

package io.paygate.gateway.api;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.time.Instant;

/** The answer to a login or a refresh: field names of the original design. */
public record TokenPairJson(
    String token, Instant expires, String refreshToken, Instant refreshExpires)
    implements JsonWritable {

  @Override
  public void writeTo(JsonWriter w) throws IOException {
    w.beginObject();
    w.name("token").value(token);
    w.name("expires").value(expires.toString());
    w.name("refreshToken").value(refreshToken);
    w.name("refreshExpires").value(refreshExpires.toString());
    w.endObject();
  }

  @Override
  public String toString() {
    return "TokenPairJson{expires=" + expires + "}";
  }
}

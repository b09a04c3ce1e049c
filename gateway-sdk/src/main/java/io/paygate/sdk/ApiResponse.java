package io.paygate.sdk;

import okhttp3.Headers;
import okio.ByteString;
import org.jetbrains.annotations.Nullable;

/** The answer to one attempt, its body read in full. */
final class ApiResponse {
  final int code;
  final Headers headers;
  /** The body as UTF-8 bytes, the JSON readers' input: decoding it to a string would be wasted. */
  final ByteString body;

  ApiResponse(int code, Headers headers, ByteString body) {
    this.code = code;
    this.headers = headers;
    this.body = body;
  }

  boolean isSuccessful() {
    return code >= 200 && code < 300;
  }

  @Nullable String header(String name) {
    return headers.get(name);
  }

  @Nullable String requestId() {
    return headers.get("X-Request-Id");
  }
}

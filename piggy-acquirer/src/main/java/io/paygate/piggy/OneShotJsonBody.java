package io.paygate.piggy;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * A JSON request body OkHttp never re-sends on its own. OkHttp re-sends a request after a 503 with
 * {@code Retry-After: 0} (and after a 408 or a 421) even with {@code retryOnConnectionFailure(false)};
 * it never re-sends a one-shot body. So every request to the bank goes out once per call, whatever
 * the bank answers.
 */
abstract class OneShotJsonBody extends RequestBody {
  private static final MediaType JSON = MediaType.get("application/json");

  private final byte[] json;

  OneShotJsonBody(byte[] json) {
    this.json = json;
  }

  @Override
  public final MediaType contentType() {
    return JSON;
  }

  @Override
  public final long contentLength() {
    return json.length;
  }

  @Override
  public final boolean isOneShot() {
    return true;
  }

  @Override
  public final void writeTo(BufferedSink sink) throws IOException {
    sink.write(json);
  }
}

package io.paygate.sdk;

import com.squareup.moshi.JsonDataException;
import io.paygate.sdk.internal.LinkHeader;
import java.io.IOException;
import java.util.List;
import okhttp3.HttpUrl;
import org.jetbrains.annotations.Nullable;

/** Turns the gateway's 2xx answers into payments and pages, or into a typed error if unreadable. */
final class ResponseReader {
  private final HttpUrl baseUrl;

  ResponseReader(HttpUrl baseUrl) {
    this.baseUrl = baseUrl;
  }

  Payment payment(ApiRequest call, ApiResponse response) {
    boolean replayed = "true".equalsIgnoreCase(response.header("Idempotent-Replayed"));
    try {
      return WireJson.payment(response.body, response.requestId(), replayed);
    } catch (IOException | JsonDataException e) {
      throw unreadable(call, response, e);
    }
  }

  PaymentPage page(ApiRequest call, ApiResponse response) {
    List<Payment> payments;
    try {
      payments = WireJson.payments(response.body, response.requestId());
    } catch (IOException | JsonDataException e) {
      throw unreadable(call, response, e);
    }
    String next = LinkHeader.find(response.headers.values("Link"), "next");
    // The bearer token goes wherever the cursor points: never to another host.
    if (next != null && resolveCursor(next) == null) {
      throw new PaygateException(call.description() + ": the gateway announced a next page "
          + "elsewhere (" + next + "); not following it with this client's credentials",
          response.code, response.requestId(), null, null);
    }
    return PaymentPage.of(payments, next);
  }

  /** The URL of {@code cursor}, a link as the gateway wrote it; null if not on the gateway's origin. */
  @Nullable HttpUrl resolveCursor(String cursor) {
    HttpUrl url = baseUrl.resolve(cursor);
    return url != null
        && url.scheme().equals(baseUrl.scheme())
        && url.host().equals(baseUrl.host())
        && url.port() == baseUrl.port()
        ? url : null;
  }

  private static PaygateException unreadable(ApiRequest call, ApiResponse response, Exception e) {
    return new PaygateException(call.description() + ": unreadable answer from the gateway (HTTP "
        + response.code + (response.requestId() != null ? ", request id " + response.requestId() : "")
        + "): " + e.getMessage() + ErrorMapper.outcomeUnknown(call), response.code,
        response.requestId(), call.idempotencyKey, e);
  }
}

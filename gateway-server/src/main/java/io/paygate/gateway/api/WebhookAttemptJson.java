package io.paygate.gateway.api;

import io.paygate.gateway.core.WebhookAttempt;
import java.util.List;

/** Delivery attempts on the wire, newest first. */
public final class WebhookAttemptJson {
  private WebhookAttemptJson() {}

  public static JsonWritable list(List<WebhookAttempt> attempts) {
    return w -> {
      w.beginArray();
      for (WebhookAttempt a : attempts) {
        w.beginObject();
        w.name("eventId").value(a.eventId());
        w.name("eventType").value(a.eventType());
        w.name("deliveryId").value(a.deliveryId().toString());
        w.name("attemptedAt").value(a.attemptedAt().toString());
        w.name("statusCode").value(a.statusCode());
        w.name("durationMs").value(a.durationMillis());
        w.name("error").value(a.error());
        w.endObject();
      }
      w.endArray();
    };
  }
}

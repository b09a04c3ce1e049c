package io.paygate.gateway.api;

import com.squareup.moshi.JsonWriter;
import io.paygate.gateway.core.WebhookEndpoint;
import io.paygate.gateway.core.WebhookEventType;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * A webhook endpoint on the wire. The secret only when it was just made (creation, rotation):
 * it is shown once.
 */
public final class WebhookEndpointJson implements JsonWritable {
  private final WebhookEndpoint e;
  private final boolean withSecret;
  private final boolean withMerchant;
  private final Instant now;

  private WebhookEndpointJson(WebhookEndpoint e, boolean withSecret, boolean withMerchant,
      Instant now) {
    this.e = e;
    this.withSecret = withSecret;
    this.withMerchant = withMerchant;
    this.now = now;
  }

  /** As the merchant sees it, without the secret. */
  public static WebhookEndpointJson of(WebhookEndpoint e, Instant now) {
    return new WebhookEndpointJson(e, false, false, now);
  }

  /** With its secret, just made. */
  public static WebhookEndpointJson withSecret(WebhookEndpoint e, Instant now) {
    return new WebhookEndpointJson(e, true, false, now);
  }

  /** A list; the operator's includes each endpoint's merchant. */
  public static JsonWritable list(List<WebhookEndpoint> endpoints, boolean forOperator,
      Instant now) {
    return w -> {
      w.beginArray();
      for (WebhookEndpoint e : endpoints) {
        new WebhookEndpointJson(e, false, forOperator, now).writeTo(w);
      }
      w.endArray();
    };
  }

  @Override
  public void writeTo(JsonWriter w) throws IOException {
    w.beginObject();
    w.name("id").value(e.id().toString());
    if (withMerchant) {
      w.name("merchantId").value(e.merchantId().toString());
    }
    w.name("url").value(e.url());
    w.name("events").beginArray();
    for (WebhookEventType t : e.events()) {
      w.value(t.wireName());
    }
    w.endArray();
    w.name("enabled").value(e.enabled());
    w.name("disabledReason").value(e.disabledReason());
    w.name("consecutiveFailures").value(e.consecutiveFailures());
    w.name("failingSince").value(e.failingSince() == null ? null : e.failingSince().toString());
    boolean overlap = e.signingSecrets(now).size() > 1;
    w.name("previousSecretExpires").value(overlap ? e.previousSecretExpires().toString() : null);
    w.name("createdAt").value(e.createdAt().toString());
    if (withSecret) {
      w.name("secret").value(e.secret());
    }
    w.endObject();
  }
}

package io.paygate.gateway.webhooks;

import io.paygate.gateway.core.WebhookEventType;
import java.net.URI;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An endpoint to register, as read by {@link NewWebhookEndpointReader}: what
 * {@link WebhookEndpointService#register} takes instead of a JSON body. The URL is well-formed;
 * whether its host may be called (SSRF) is the service's to check.
 *
 * @param url an absolute http(s) URL with a host, no user info or fragment, as sent
 * @param events at least one, in their declared order (the order they are listed in)
 */
public record NewWebhookEndpoint(URI url, Set<WebhookEventType> events) {
  public NewWebhookEndpoint {
    Objects.requireNonNull(url, "url == null");
    if (events.isEmpty()) {
      throw new IllegalArgumentException("events is empty");
    }
    events = Collections.unmodifiableSet(EnumSet.copyOf(events));
  }

  /** Without the URL's query, which may carry a merchant's token. */
  @Override
  public String toString() {
    return "NewWebhookEndpoint[host=" + url.getHost() + ", events=" + events + "]";
  }
}

package io.paygate.gateway.webhooks;

import io.paygate.gateway.core.WebhookEventType;
import io.paygate.gateway.errors.FieldError;
import io.paygate.gateway.errors.ValidationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code POST /api/webhooks/endpoints} body, {@code {"url": "https://...", "events":
 * [...]}}, into a {@link NewWebhookEndpoint}, or refuses it with one {@link ValidationException}
 * naming both fields when both are bad: {@code url} by its first fault, then {@code events}. The
 * URL's syntax only; where its host points is policy, checked by the service.
 */
public final class NewWebhookEndpointReader {
  static final int MAX_URL = 2000;

  private final boolean allowHttp;

  /** @param allowHttp whether plain http URLs are accepted ({@code webhooks.allow.http}) */
  public NewWebhookEndpointReader(boolean allowHttp) {
    this.allowHttp = allowHttp;
  }

  /**
   * @param body the request body, keys in lower case
   * @throws ValidationException naming every bad field
   */
  public NewWebhookEndpoint read(Map<String, Object> body) {
    List<FieldError> errors = new ArrayList<>();
    URI url = url(body.get("url"), errors);
    Set<WebhookEventType> events = events(body.get("events"), errors);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new NewWebhookEndpoint(url, events);
  }

  private URI url(Object raw, List<FieldError> errors) {
    if (!(raw instanceof String text) || text.isBlank()) {
      return refuse(errors, "url", "is required: the https URL that receives events");
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      return refuse(errors, "url", "is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
      return refuse(errors, "url", allowHttp ? "must be an http or https URL"
          : "must be an https URL");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null
        || text.length() > MAX_URL) {
      return refuse(errors, "url", "must be an absolute URL with a host, no user info or"
          + " fragment, at most " + MAX_URL + " characters");
    }
    return uri;
  }

  private static Set<WebhookEventType> events(Object raw, List<FieldError> errors) {
    if (!(raw instanceof List<?> list) || list.isEmpty()) {
      return refuse(errors, "events", "is required: a non-empty array of event types");
    }
    Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
    for (Object o : list) {
      Optional<WebhookEventType> type = o instanceof String name
          ? WebhookEventType.fromWireName(name) : Optional.empty();
      if (type.isEmpty()) {
        return refuse(errors, "events", "has an unknown event type: " + o + "; known are "
            + known());
      }
      types.add(type.get());
    }
    return types;
  }

  private static <T> T refuse(List<FieldError> errors, String field, String message) {
    errors.add(new FieldError(field, message));
    return null;
  }

  private static String known() {
    List<String> names = new ArrayList<>();
    for (WebhookEventType t : WebhookEventType.values()) {
      names.add(t.wireName());
    }
    return String.join(", ", names);
  }
}

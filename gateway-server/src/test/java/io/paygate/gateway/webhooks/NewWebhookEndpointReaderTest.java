package io.paygate.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paygate.gateway.core.WebhookEventType;
import io.paygate.gateway.errors.ValidationException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A webhook endpoint's body read at the edge: the URL's syntax and the event types, both named
 * when both are bad. Where the URL's host points is not read here (WebhookSsrfTest).
 */
class NewWebhookEndpointReaderTest {
  private static final List<String> ONE_EVENT = List.of("payment.authorised");
  private static final String ABSOLUTE = "url: must be an absolute URL with a host, no user info"
      + " or fragment, at most 2000 characters";

  private final NewWebhookEndpointReader httpsOnly = new NewWebhookEndpointReader(false);
  private final NewWebhookEndpointReader httpToo = new NewWebhookEndpointReader(true);

  @Test
  void aGoodBodyKeepsTheUrlAsSentAndTheEventsInTheirDeclaredOrder() {
    String url = "https://hooks.example:8443/paygate?token=a%20b";
    NewWebhookEndpoint e = httpsOnly.read(Map.of("url", url,
        "events", List.of("refund.succeeded", "payment.authorised", "refund.succeeded")));

    assertThat(e.url().toString()).isEqualTo(url);
    assertThat(e.events()).containsExactly(WebhookEventType.PAYMENT_AUTHORISED,
        WebhookEventType.REFUND_SUCCEEDED);
    assertThat(e.toString()).doesNotContain("token");
    // A private or unresolvable host is syntax-wise fine: the service refuses it.
    assertThat(httpsOnly.read(Map.of("url", "https://127.0.0.1/x", "events", ONE_EVENT)).url()
        .getHost()).isEqualTo("127.0.0.1");
  }

  @Test
  void eachUrlFaultHasItsMessage() {
    String required = "url: is required: the https URL that receives events";
    assertThat(urlError(httpsOnly, null)).isEqualTo(required);
    assertThat(urlError(httpsOnly, "  ")).isEqualTo(required);
    assertThat(urlError(httpsOnly, BigDecimal.ONE)).isEqualTo(required);
    assertThat(urlError(httpsOnly, "https://exa mple.com/x")).isEqualTo("url: is not a valid URL");
    assertThat(urlError(httpsOnly, "http://hooks.example/x")).isEqualTo(
        "url: must be an https URL");
    assertThat(urlError(httpToo, "ftp://hooks.example/x")).isEqualTo(
        "url: must be an http or https URL");
    assertThat(urlError(httpsOnly, "hooks.example/x")).as("no scheme")
        .isEqualTo("url: must be an https URL");
    assertThat(urlError(httpsOnly, "https:/x")).isEqualTo(ABSOLUTE);
    assertThat(urlError(httpsOnly, "https://user:pw@hooks.example/x")).isEqualTo(ABSOLUTE);
    assertThat(urlError(httpsOnly, "https://hooks.example/x#part")).isEqualTo(ABSOLUTE);
    String longest = "https://hooks.example/" + "a".repeat(2000 - 22);
    assertThat(httpsOnly.read(Map.of("url", longest, "events", ONE_EVENT)).url().toString())
        .hasSize(2000);
    assertThat(urlError(httpsOnly, longest + "a")).isEqualTo(ABSOLUTE);
    assertThat(httpToo.read(Map.of("url", "HTTP://hooks.example/x", "events", ONE_EVENT)))
        .as("the scheme in any case").isNotNull();
  }

  @Test
  void eachEventsFaultHasItsMessage() {
    String required = "events: is required: a non-empty array of event types";
    assertThat(eventsError(null)).isEqualTo(required);
    assertThat(eventsError(List.of())).isEqualTo(required);
    assertThat(eventsError("payment.authorised")).isEqualTo(required);
    String known = "; known are " + String.join(", ", Arrays.stream(WebhookEventType.values())
        .map(WebhookEventType::wireName).toList());
    assertThat(eventsError(List.of("payment.authorised", "payment.exploded")))
        .isEqualTo("events: has an unknown event type: payment.exploded" + known);
    assertThat(eventsError(List.of("Payment.Authorised")))
        .as("wire names are exact").isEqualTo("events: has an unknown event type:"
            + " Payment.Authorised" + known);
    assertThat(eventsError(List.of(BigDecimal.ONE)))
        .isEqualTo("events: has an unknown event type: 1" + known);
  }

  @Test
  void bothFieldsAreNamedAtOnceUrlFirst() {
    assertThatThrownBy(() -> httpsOnly.read(Map.of("events", List.of())))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(f -> f.field()).containsExactly("url", "events"));
  }

  private static String urlError(NewWebhookEndpointReader reader, Object url) {
    Map<String, Object> body = new HashMap<>();
    body.put("url", url);
    body.put("events", ONE_EVENT);
    return onlyError(reader, body);
  }

  private String eventsError(Object events) {
    Map<String, Object> body = new HashMap<>();
    body.put("url", "https://hooks.example/x");
    body.put("events", events);
    return onlyError(httpsOnly, body);
  }

  private static String onlyError(NewWebhookEndpointReader reader, Map<String, Object> body) {
    try {
      reader.read(body);
    } catch (ValidationException e) {
      assertThat(e.errors()).hasSize(1);
      return e.errors().get(0).toString();
    }
    throw new AssertionError("not refused: " + body);
  }
}

package io.paygate.gateway.it;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.TestGateway;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A merchant takes payments through the real server and the embedded Piggy Bank. */
class PaymentApiTest {
  @TempDir static Path dir;
  static TestGateway gw;
  static String token;

  @BeforeAll
  static void start() {
    gw = TestGateway.start(dir, Map.of());
    token = gw.newMerchantToken();
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  @Test
  void oddCardIsAuthorised() {
    Http.Answer a = gw.http().post("/api/process", token,
        payment("4111 1111 1111 1111", "42.50", "eur"));

    assertThat(a.status()).as(a.toString()).isEqualTo(201);
    Map<String, Object> p = a.json();
    assertThat(p.get("status")).isEqualTo("Authorised");
    assertThat(p.get("processed")).isEqualTo(true);
    assertThat(p.get("amount")).isEqualTo(42.5);
    assertThat(a.body()).contains("\"amount\":42.50");
    assertThat(p.get("currency")).isEqualTo("EUR");
    assertThat(p.get("acquirer")).isEqualTo("PiggyBank");
    assertThat(p.get("acquirerStatus")).isEqualTo("Authorised");
    assertThat((String) p.get("acquirerReference")).isNotBlank();
    assertThat(p.get("errorCode")).isNull();
    assertThat(p.get("expiryYear")).isEqualTo(2031.0);
    assertThat((String) p.get("cardNumber")).endsWith(Cards.AUTHORISED.substring(12))
        .contains("******");
    assertThat(a.header("Location")).isEqualTo("/api/history/" + p.get("id"));
  }

  @Test
  void evenCardIsDeclinedWithTheBanksReason() {
    Http.Answer a = gw.http().post("/api/process", token, payment(Cards.DECLINED, "10", "USD"));

    assertThat(a.status()).isEqualTo(201);
    assertThat(a.json().get("status")).isEqualTo("Declined");
    assertThat(a.json().get("errorCode")).isEqualTo("insufficient_funds");
    assertThat(a.json().get("processed")).isEqualTo(true);
  }

  @Test
  void bankUnavailableIsFailedAndNothingCharged() {
    Http.Answer a = gw.http().post("/api/process", token,
        payment(Cards.BANK_UNAVAILABLE, "10", "GBP"));

    assertThat(a.status()).isEqualTo(201);
    assertThat(a.json().get("status")).isEqualTo("Failed");
    assertThat(a.json().get("errorCode")).isEqualTo("acquirer_unavailable");
  }

  @Test
  void originalDesignsRequestIsAccepted() {
    // The original design's example body: mixed-case keys, two-digit year, lower-case currency,
    // a merchant name that the token overrides.
    String body = "{\"merchantname\":\"Disney\",\"cardnumber\":\"" + Cards.AUTHORISED
        + "\",\"Cvv\":\"123\",\"expirymonth\":12,\"expiryyear\":31,\"amount\":42,"
        + "\"currency\":\"eur\",\"cardholdername\":\"Santa Claus\"}";

    Http.Answer a = gw.http().post("/api/process", token, body);

    assertThat(a.status()).as(a.toString()).isEqualTo(201);
    assertThat(a.json().get("expiryYear")).isEqualTo(2031.0);
    assertThat(a.json().get("currency")).isEqualTo("EUR");
    assertThat(a.json().get("cardHolderName")).isEqualTo("Santa Claus");
  }

  @Test
  void dashedCardNumberIsAccepted() {
    String dashed = Cards.AUTHORISED.replaceAll("(\\d{4})(?!$)", "$1-");

    Http.Answer a = gw.http().post("/api/process", token, payment(dashed, "1.00", "EUR"));

    assertThat(a.status()).as(a.toString()).isEqualTo(201);
  }

  @Test
  void invalidRequestNamesEveryBadFieldAndStoresNothing() {
    int before = gw.http().get("/api/history?limit=200", token).jsonList().size();
    String body = "{\"cardnumber\":\"4111111111111112\",\"cvv\":\"12\",\"expirymonth\":13,"
        + "\"expiryyear\":2031,\"amount\":10.5,\"currency\":\"JPY\",\"cardholdername\":\"\"}";

    Http.Answer a = gw.http().post("/api/process", token, body);

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.header("Content-Type")).startsWith("application/problem+json");
    assertThat(a.string("type")).endsWith("/validation-error");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> errors = (List<Map<String, Object>>) a.json().get("errors");
    assertThat(errors).extracting(e -> e.get("field"))
        .contains("cardnumber", "cvv", "expirymonth", "amount", "cardholdername");
    assertThat(a.body()).doesNotContain("4111111111111112");
    assertThat(gw.http().get("/api/history?limit=200", token).jsonList()).hasSize(before);
  }

  @Test
  void malformedJsonIsAProblemNotAStackTrace() {
    Http.Answer a = gw.http().post("/api/process", token, "{\"cardnumber\": ");

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.string("type")).endsWith("/malformed-json");
    assertThat(a.body()).doesNotContain("Exception").doesNotContain("at io.");
  }

  @Test
  void paymentWithoutTokenIsRefused() {
    assertThat(gw.http().post("/api/process", null, payment(Cards.AUTHORISED, "1", "EUR"))
        .status()).isEqualTo(401);
    assertThat(gw.http().post("/api/process", "not-a-token", payment(Cards.AUTHORISED, "1", "EUR"))
        .status()).isEqualTo(401);
  }

  @Test
  void paymentIsRetrievableById() {
    Http.Answer created = gw.http().post("/api/process", token,
        payment(Cards.AUTHORISED, "3.14", "GBP"));

    Http.Answer fetched = gw.http().get(created.header("Location"), token);

    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.json()).isEqualTo(created.json());
  }

  @Test
  void anotherMerchantsPaymentIsNotFound() {
    Http.Answer mine = gw.http().post("/api/process", token, payment(Cards.AUTHORISED, "5", "EUR"));
    String otherToken = gw.newMerchantToken();

    Http.Answer theirs = gw.http().get(mine.header("Location"), otherToken);

    assertThat(theirs.status()).isEqualTo(404);
    assertThat(theirs.body()).doesNotContain((String) mine.json().get("id"));
    assertThat(gw.http().get("/api/history", otherToken).jsonList()).isEmpty();
  }

  @Test
  void unknownPaymentIdIsNotFound() {
    assertThat(gw.http().get("/api/history/0193a1b2-0000-7000-8000-000000000000", token).status())
        .isEqualTo(404);
    assertThat(gw.http().get("/api/history/not-a-uuid", token).status()).isEqualTo(404);
  }
}

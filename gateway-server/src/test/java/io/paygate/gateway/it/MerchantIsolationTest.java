package io.paygate.gateway.it;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.TestGateway;
import java.nio.file.Path;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OWASP API1 (object level authorisation) and API3 (property level): merchant B tries every
 * merchant endpoint with merchant A's payment ids, idempotency key, cursor and merchant id, in the
 * path, the query and the body. B gets a 404 or its own data, never A's; fields the server owns
 * cannot be set by a request.
 */
class MerchantIsolationTest {
  @TempDir static Path dir;
  static TestGateway gw;
  static String tokenA;
  static String tokenB;
  static Http.Answer paymentA;
  static String merchantA;

  @BeforeAll
  static void start() {
    gw = TestGateway.start(dir, Map.of());
    tokenA = gw.newMerchantToken();
    tokenB = gw.newMerchantToken();
    paymentA = gw.http().post("/api/process", tokenA, payment(Cards.AUTHORISED, "42.00", "EUR"),
        "Idempotency-Key", "order-1");
    gw.http().post("/api/process", tokenA, payment(Cards.AUTHORISED, "43.00", "EUR"));
    gw.http().post("/api/process", tokenA, payment(Cards.AUTHORISED, "44.00", "EUR"));
    merchantA = paymentA.string("merchantId");
    assertThat(paymentA.status()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  @Test
  void anotherMerchantsPaymentIdIsNotFound() {
    Http.Answer a = gw.http().get("/api/history/" + paymentA.string("id"), tokenB);

    assertThat(a.status()).isEqualTo(404);
    assertThat(a.body()).doesNotContain(merchantA).doesNotContain("amount")
        .doesNotContain("card");
    // The same answer as an id that does not exist at all: nothing to tell the two apart.
    Http.Answer none = gw.http().get("/api/history/00000000-0000-7000-8000-000000000000", tokenB);
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.json().keySet()).isEqualTo(a.json().keySet());
    assertThat(none.string("detail")).isEqualTo(a.string("detail"));
  }

  @Test
  void historyIgnoresMerchantIdsInTheQueryAndAnotherMerchantsCursor() {
    Http.Answer pageA = gw.http().get("/api/history?limit=1", tokenA);
    String link = pageA.header("Link");
    String cursorA = link.substring(link.indexOf("cursor=") + 7, link.indexOf('>'));

    Http.Answer b = gw.http().get("/api/history?merchantId=" + merchantA + "&merchant="
        + merchantA + "&merchant_id=" + merchantA, tokenB);
    Http.Answer bWithCursor = gw.http().get("/api/history?cursor=" + cursorA, tokenB);

    assertThat(b.status()).isEqualTo(200);
    assertThat(b.body()).doesNotContain(merchantA);
    assertThat(bWithCursor.status()).isEqualTo(200);
    assertThat(bWithCursor.body()).doesNotContain(merchantA);
  }

  @Test
  void anotherMerchantsIdempotencyKeyStartsANewPaymentOfYourOwn() {
    Http.Answer b = gw.http().post("/api/process", tokenB,
        payment(Cards.AUTHORISED, "42.00", "EUR"), "Idempotency-Key", "order-1");

    assertThat(b.status()).isEqualTo(201);
    assertThat(b.header("Idempotent-Replayed")).isNull();
    assertThat(b.string("id")).isNotEqualTo(paymentA.string("id"));
    assertThat(b.string("merchantId")).isNotEqualTo(merchantA);
  }

  @Test
  void fieldsTheServerOwnsCannotBeSetByTheBody() {
    String body = payment(Cards.DECLINED, "5.00", "EUR").replace("{",
        "{\"merchantId\":\"" + merchantA + "\",\"status\":\"Authorised\","
            + "\"id\":\"" + paymentA.string("id") + "\",\"createdAt\":\"2001-01-01T00:00:00Z\","
            + "\"processedAt\":\"2001-01-01T00:00:00Z\",\"processed\":true,"
            + "\"acquirerStatus\":\"Authorised\",\"merchantname\":\"Shop A\",");

    Http.Answer b = gw.http().post("/api/process", tokenB, body);

    assertThat(b.status()).as(b.toString()).isEqualTo(201);
    assertThat(b.json()).containsEntry("status", "Declined")
        .containsEntry("acquirerStatus", "Declined");
    assertThat(b.string("merchantId")).isNotEqualTo(merchantA);
    assertThat(b.string("id")).isNotEqualTo(paymentA.string("id"));
    assertThat(b.string("createdAt")).doesNotStartWith("2001");
    // A's payment is untouched.
    assertThat(gw.http().get("/api/history/" + paymentA.string("id"), tokenA).json())
        .containsEntry("status", "Authorised").containsEntry("amount", 42.0);
  }

  @Test
  void theAuditLogOfAMerchantHoldsOnlyItsOwnEntriesWhateverTheQuery() {
    Awaitility.await().untilAsserted(() -> assertThat(
        gw.http().get("/admin/audit?merchant=" + merchantA, TestGateway.OPERATOR_KEY).jsonList())
        .isNotEmpty());

    Http.Answer b = gw.http().get("/api/audit?merchant=" + merchantA + "&merchantId="
        + merchantA + "&limit=200", tokenB);

    assertThat(b.status()).isEqualTo(200);
    assertThat(b.jsonList()).isNotEmpty()
        .allSatisfy(row -> assertThat(row.get("merchantId")).isNotEqualTo(merchantA));
  }

  @Test
  void operatorEndpointsRefuseMerchantTokensAndMerchantEndpointsTheOperatorKey() {
    assertThat(gw.http().get("/admin/audit", tokenB).status()).isEqualTo(403);
    assertThat(gw.http().get("/admin/acquirers", tokenB).status()).isEqualTo(403);
    assertThat(gw.http().post("/createuser", tokenB, "{}").status()).isEqualTo(403);
    assertThat(gw.http().get("/api/audit", TestGateway.OPERATOR_KEY).status()).isEqualTo(401);
    assertThat(gw.http().get("/api/history", TestGateway.OPERATOR_KEY).status()).isEqualTo(401);
    assertThat(gw.http().post("/api/process", TestGateway.OPERATOR_KEY,
        payment(Cards.AUTHORISED, "1.00", "EUR")).status()).isEqualTo(401);
  }
}

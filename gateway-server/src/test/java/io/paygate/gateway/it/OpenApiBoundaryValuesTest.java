package io.paygate.gateway.it;

import static io.paygate.gateway.support.LongestNames.EMOJI;
import static io.paygate.gateway.support.LongestNames.SCRIPT_A;
import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.SchemaCheck;
import io.paygate.gateway.support.TestGateway;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request schemas of {@code /openapi.json} and the server agree at the edges: each value
 * below is checked against the served schema of its field, which must take it or refuse it as
 * listed, and then sent: the server must take or refuse it the same way (a refusal names the
 * field). A schema looser or stricter than the server, at any of these values, fails here.
 */
class OpenApiBoundaryValuesTest {
  private static final Moshi MOSHI = new Moshi.Builder().build();

  @TempDir static Path dir;
  static TestGateway gw;
  static Map<String, Object> doc;
  static String token;

  @BeforeAll
  static void start() throws IOException {
    gw = TestGateway.start(dir, Map.of());
    doc = object(MOSHI.adapter(Object.class).fromJson(gw.http().get("/openapi.json", null).body()));
    token = gw.newMerchantToken();
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  /** A value of a field, and whether the contract takes it. */
  record Edge(String field, Object value, boolean valid) {
    @Override
    public String toString() {
      String shown = String.valueOf(value);
      shown = shown.length() > 30 ? shown.substring(0, 12) + "…(" + shown.length() + ")" : shown;
      StringBuilder visible = new StringBuilder();
      shown.codePoints().forEach(c -> visible.append(c < 0x20 || (c >= 0x7f && c <= 0xa0)
          || (c >= 0x2000 && c <= 0x206f) ? String.format("\\u%04x", c) : Character.toString(c)));
      shown = visible.toString();
      return field + " = " + (value instanceof String ? "\"" + shown + "\"" : shown)
          + (valid ? " is taken" : " is refused");
    }
  }

  private static Edge ok(String field, Object value) {
    return new Edge(field, value, true);
  }

  private static Edge no(String field, Object value) {
    return new Edge(field, value, false);
  }

  @TestFactory
  Stream<DynamicTest> paymentFields() {
    List<Edge> edges = List.of(
        ok("cardnumber", Cards.AUTHORISED), ok("cardnumber", "4111 1111 1111 1111"),
        ok("cardnumber", "4111-1111-1111-1111"),
        ok("cardnumber", Cards.luhnComplete("41111111111")), // 12 digits
        ok("cardnumber", Cards.luhnComplete("411111111111111111")), // 19 digits
        no("cardnumber", "4111 1111-1111 1111"), no("cardnumber", "4111  1111 1111 1111"),
        no("cardnumber", " 4111111111111111"), no("cardnumber", "4111111111111111-"),
        no("cardnumber", "41111111111"), no("cardnumber", "4".repeat(20)),
        no("cardnumber", "4111.1111.1111.1111"),
        ok("cvv", "123"), ok("cvv", "0123"), ok("cvv", 123), ok("cvv", 9999),
        no("cvv", "12"), no("cvv", "12345"), no("cvv", 99), no("cvv", 10000), no("cvv", "12a"),
        ok("expirymonth", 1), ok("expirymonth", 12), ok("expirymonth", "01"),
        ok("expirymonth", "1"), ok("expirymonth", "12"), ok("expirymonth", "012"),
        no("expirymonth", 0), no("expirymonth", 13), no("expirymonth", "0"),
        no("expirymonth", "13"), no("expirymonth", "00"), no("expirymonth", "1a"),
        no("expirymonth", ""),
        ok("expiryyear", 31), ok("expiryyear", "31"), ok("expiryyear", 2031),
        ok("expiryyear", "2031"),
        no("expiryyear", 100), no("expiryyear", 999), no("expiryyear", "031"),
        no("expiryyear", "1"), no("expiryyear", "20310"), no("expiryyear", 10000),
        ok("amount", "0.01"), ok("amount", "1"), ok("amount", "10.00"),
        ok("amount", new BigDecimal("0.01")), ok("amount", 1),
        no("amount", "0"), no("amount", "0.00"), no("amount", "-1"), no("amount", "1e2"),
        no("amount", ""), no("amount", 0), no("amount", -1), no("amount", new BigDecimal("0.00")),
        ok("cardholdername", "A"), ok("cardholdername", EMOJI.repeat(100)),
        ok("cardholdername", "Zoë Ångström"), ok("cardholdername", "Santa\u00a0Claus"),
        no("cardholdername", ""), no("cardholdername", " "), no("cardholdername", "\u2003"),
        no("cardholdername", "Santa\nClaus"), no("cardholdername", "Santa\u202eClaus"),
        no("cardholdername", "Santa\u2028Claus"), no("cardholdername", EMOJI.repeat(101)),
        ok("merchantname", "Some Shop"), ok("merchantname", 42), ok("merchantname", true));
    Map<String, Object> schema = schema("PaymentRequest");
    return edges.stream().map(edge -> DynamicTest.dynamicTest(edge.toString(), () -> {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("cardnumber", Cards.AUTHORISED);
      body.put("cvv", "123");
      body.put("expirymonth", 12);
      body.put("expiryyear", 2031);
      body.put("amount", "10.00");
      body.put("currency", "EUR");
      body.put("cardholdername", "Santa Claus");
      body.put(edge.field(), edge.value());

      assertSchemaAndServerAgree(schema, edge,
          gw.http().post("/api/process", token, json(body)));
    }));
  }

  @TestFactory
  Stream<DynamicTest> merchantFields() {
    String l = "l" + UUID.randomUUID().toString().replace("-", "");
    List<Edge> edges = List.of(
        ok("login", "abc"), ok("login", (l + l).substring(0, 64)), ok("login", "a.b_c@d-e"),
        no("login", "ab"), no("login", (l + l + l).substring(0, 65)), no("login", "a b c"),
        ok("name", "S"), ok("name", SCRIPT_A.repeat(200)), ok("name", "Zoë & Co"),
        ok("name", "\u00a0Shop"),
        no("name", ""), no("name", " "), no("name", "\u2003"), no("name", "Shop\u0007"),
        no("name", SCRIPT_A.repeat(201)),
        ok("password", "abcdefghij12"), ok("password", "a1" + "x".repeat(61) + EMOJI),
        ok("password", "\u0661\u0662\u0663abcdefghij"), // Arabic-Indic digits are digits
        no("password", "abcdefghijkl"), no("password", "123456789012"),
        no("password", "abcdefghi1" + EMOJI), no("password", "a1" + "x".repeat(63)));
    Map<String, Object> schema = schema("CreateMerchantRequest");
    return edges.stream().map(edge -> DynamicTest.dynamicTest(edge.toString(), () -> {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("login", "m" + UUID.randomUUID().toString().substring(0, 8));
      body.put("name", "Shop");
      body.put("password", TestGateway.PASSWORD);
      body.put("acquiringbank", "PiggyBank");
      body.put(edge.field(), edge.value());

      assertSchemaAndServerAgree(schema, edge,
          gw.http().post("/createuser", TestGateway.OPERATOR_KEY, json(body)));
    }));
  }

  @TestFactory
  Stream<DynamicTest> queryParameters() {
    List<Edge> edges = List.of(
        no("cursor", ""),
        ok("from", "2026-01-31T12:00:00Z"), ok("from", "2026-01-31T12:00:00+02:00"),
        ok("from", "2026-01-31T12:00:00.123456789Z"),
        no("from", "2026-01-31T12:00Z"), no("from", "2026-01-31T12:00:00.1234567891Z"),
        no("from", "yesterday"), ok("to", "2026-01-31T12:00:00Z"), no("to", "2026-01-31"));
    return edges.stream().map(edge -> DynamicTest.dynamicTest(edge.toString(), () -> {
      Map<String, Object> schema = parameterSchema("GET /api/audit", edge.field());
      String query = edge.field() + "="
          + URLEncoder.encode((String) edge.value(), StandardCharsets.UTF_8);

      assertSchemaAndServerAgree(schema, edge, gw.http().get("/api/audit?" + query, token));
    }));
  }

  private static void assertSchemaAndServerAgree(Map<String, Object> object, Edge edge,
      Http.Answer answer) {
    Map<String, Object> fieldSchema = object.containsKey("properties")
        ? resolve(object(object(object.get("properties")).get(edge.field()))) : object;
    assertThat(SchemaCheck.accepts(fieldSchema, edge.value()))
        .as("the schema of %s: %s", edge.field(), fieldSchema).isEqualTo(edge.valid());
    assertThat(answer.status()).as(answer.toString()).isLessThan(500);
    List<Object> badFields = new ArrayList<>();
    if (answer.status() == 400) {
      for (Object error : list(answer.json().get("errors"))) {
        badFields.add(object(error).get("field"));
      }
    }
    if (edge.valid()) {
      assertThat(answer.status()).as(answer.toString()).isLessThan(400);
    } else {
      assertThat(badFields).as(answer.toString()).containsExactly(edge.field());
    }
  }

  private static Map<String, Object> schema(String name) {
    return object(object(object(doc.get("components")).get("schemas")).get(name));
  }

  private static Map<String, Object> parameterSchema(String op, String name) {
    String path = op.substring(op.indexOf(' ') + 1);
    Map<String, Object> operation = object(object(object(doc.get("paths")).get(path))
        .get(op.substring(0, op.indexOf(' ')).toLowerCase()));
    for (Object p : list(operation.get("parameters"))) {
      Map<String, Object> parameter = resolve(object(p));
      if (name.equals(parameter.get("name"))) {
        return object(parameter.get("schema"));
      }
    }
    throw new AssertionError(op + " has no parameter " + name);
  }

  private static Map<String, Object> resolve(Map<String, Object> node) {
    Map<String, Object> n = node;
    while (n.containsKey("$ref")) {
      Object target = doc;
      for (String token : ((String) n.get("$ref")).substring(2).split("/")) {
        target = object(target).get(token);
      }
      n = object(target);
    }
    return n;
  }

  /** The body as JSON; numbers as written (a BigDecimal keeps its scale). */
  private static String json(Map<String, Object> body) {
    StringBuilder out = new StringBuilder("{");
    body.forEach((key, value) -> {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append(MOSHI.adapter(String.class).toJson(key)).append(':');
      out.append(value instanceof String s ? MOSHI.adapter(String.class).toJson(s)
          : value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value));
    });
    return out.append('}').toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object node) {
    assertThat(node).isInstanceOf(Map.class);
    return (Map<String, Object>) node;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object node) {
    assertThat(node).isInstanceOf(List.class);
    return (List<Object>) node;
  }
}

package io.paygate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.squareup.moshi.Moshi;
import io.paygate.gateway.GatewayRoutes;
import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.TestGateway;
import io.paygate.gateway.support.WebhookReceiver;
import java.time.Duration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document served at {@code /openapi.json} against the running server, both ways:
 * every documented operation is a route of the server and every route is documented; every route
 * answers; the documented schemas have exactly the keys of real answers; every {@code $ref}
 * resolves.
 *
 * <p>Merchant creation needs an acquirer plug-in on the class path (Piggy Bank, by default). Checks
 * that need a merchant are skipped, with a message that says so, when the running gateway has no
 * acquirer loaded; everything else runs regardless.
 */
class OpenApiContractTest {
  private static final Moshi MOSHI = new Moshi.Builder().build();
  private static final Set<String> HTTP_METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  @TempDir static Path dir;
  static TestGateway gw;
  static Http.Answer served;
  static Map<String, Object> doc;
  /** Real answers of a merchant's session, or null when no acquirer is loaded. */
  static MerchantSession world;
  /** Receives the world's webhook events, so that an event id exists to replay. */
  static final WebhookReceiver receiver = new WebhookReceiver();
  static String adminTarget;

  /** A merchant created, logged in, with a payment: the real answers, to compare with schemas. */
  record MerchantSession(Http.Answer created, Http.Answer login, Http.Answer payment,
      Http.Answer replay, Http.Answer historyPage, Http.Answer webhookEndpoint, String eventId) {
    String token() {
      return login.string("token");
    }

    String paymentId() {
      return payment.string("id");
    }
  }

  @BeforeAll
  static void start() {
    // A loopback receiver: allowed here explicitly (the default refuses it, see WebhookSsrfTest).
    gw = TestGateway.start(dir, Map.of("webhooks.allow.private.addresses", "true",
        "webhooks.allow.http", "true"));
    served = gw.http().get("/openapi.json", null);
    doc = object(parse(served.body()));
    world = merchantWorld();
  }

  @AfterAll
  static void stop() {
    gw.close();
    receiver.close();
  }

  /** A merchant on the first loaded acquirer, with two payments; null without an acquirer. */
  private static MerchantSession merchantWorld() {
    Map<String, Object> acquirers =
        object(object(gw.http().get("/ready", null).json().get("checks")).get("acquirers"));
    if (acquirers.isEmpty()) {
      return null;
    }
    String bank = acquirers.containsKey("PiggyBank")
        ? "PiggyBank" : acquirers.keySet().iterator().next();
    String login = "openapi-" + UUID.randomUUID();
    Http.Answer created = gw.http().post("/createuser", TestGateway.OPERATOR_KEY,
        "{\"login\":\"" + login + "\",\"name\":\"OpenAPI Shop\",\"password\":\""
            + TestGateway.PASSWORD + "\",\"acquiringbank\":\"" + bank + "\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    Http.Answer pair = gw.loginPair(login);
    String token = pair.string("token");
    Http.Answer endpoint = gw.http().post("/api/webhooks/endpoints", token,
        "{\"url\":\"" + receiver.url() + "\",\"events\":[\"payment.authorised\"]}");
    assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
    String body = TestGateway.payment(Cards.AUTHORISED, "42.50", "EUR");
    Http.Answer payment = gw.http().post("/api/process", token, body, "Idempotency-Key", "k-1");
    assertThat(payment.status()).as(payment.toString()).isIn(201, 202);
    Http.Answer replay = gw.http().post("/api/process", token, body, "Idempotency-Key", "k-1");
    assertThat(replay.status()).as(replay.toString()).isEqualTo(payment.status());
    Http.Answer second = gw.http().post("/api/process", token,
        TestGateway.payment(Cards.AUTHORISED, "10", "USD"), "Idempotency-Key", "k-2");
    assertThat(second.status()).as(second.toString()).isIn(201, 202);
    Http.Answer page = gw.http().get("/api/history?limit=1", token);
    await().atMost(Duration.ofSeconds(15)).until(() -> !receiver.received().isEmpty());
    return new MerchantSession(created, pair, payment, replay, page, endpoint,
        receiver.received().get(0).eventId());
  }

  private static void assumeMerchant() {
    assumeTrue(world != null, "no acquirer plug-in is loaded (the Piggy Bank plug-in is not on"
        + " the class path), so no merchant can be created: merchant checks skipped");
  }

  // The document itself.

  @Test
  void servedDocumentIsOpenApi3Json() {
    assertThat(served.status()).isEqualTo(200);
    assertThat(served.header("Content-Type")).startsWith("application/json");
    assertThat((String) doc.get("openapi")).startsWith("3.");
    Map<String, Object> info = object(doc.get("info"));
    assertThat(info).containsEntry("title", "Paygate").containsEntry("version", "0.1.0");
    assertThat((String) info.get("description")).isNotBlank();
    assertThat(list(doc.get("servers"))).singleElement()
        .satisfies(server -> assertThat(object(server)).containsEntry("url", "/"));
    assertThat(object(object(doc.get("components")).get("securitySchemes")))
        .containsOnlyKeys("merchantToken", "operatorKey");
  }

  @Test
  void everyRefResolves() {
    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);

    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).as("only references inside the document").startsWith("#/");
      assertThat(resolvePointer(ref)).as("target of %s", ref).isInstanceOf(Map.class);
    }
  }

  @Test
  void everyOperationDeclaresAnAnswerAndOnlyKnownSecuritySchemes() {
    Set<String> schemes = object(object(doc.get("components")).get("securitySchemes")).keySet();
    operations().forEach((op, operation) -> {
      assertThat(object(operation.get("responses"))).as(op).isNotEmpty();
      for (Object requirement : security(operation)) {
        assertThat(schemes).as(op).containsAll(object(requirement).keySet());
      }
    });
  }

  // Routes, both ways.

  @Test
  void documentedOperationsAreExactlyTheServersResourceMethods() {
    List<Class<?>> resources = GatewayRoutes.resourceClasses(gw.gateway());
    assertThat(resources).as("resource classes registered by Gateway").isNotEmpty();

    Set<String> routes = new TreeSet<>();
    for (Class<?> resource : resources) {
      collectRoutes(Resource.from(resource), "", routes);
    }
    // Routes served by plain Jetty handlers in front of Jersey (POST /api/process).
    routes.addAll(GatewayRoutes.handlerRoutes(gw.gateway()));

    assertThat(operations().keySet())
        .as("documented operations (left) vs the server's resource methods")
        .containsExactlyInAnyOrderElementsOf(routes);
  }

  @TestFactory
  Stream<DynamicTest> everyDocumentedOperationAnswersWithADocumentedStatus() {
    return operations().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
      String op = e.getKey();
      Map<String, Object> operation = e.getValue();
      String scheme = securityScheme(operation);
      String bearer = null;
      if ("operatorKey".equals(scheme)) {
        bearer = TestGateway.OPERATOR_KEY;
      } else if ("merchantToken".equals(scheme)) {
        assumeMerchant();
        bearer = world.token();
      } else if (scheme != null) {
        fail("no credential for security scheme " + scheme);
      }
      String path = op.substring(op.indexOf(' ') + 1);
      if (path.startsWith("/admin/merchants/{id}")) {
        assumeMerchant();
        // A merchant of its own: these calls disable it and route it elsewhere.
        path = path.replace("{id}", adminTarget());
      } else if (path.contains("{id}")) {
        assumeMerchant();
        path = path.replace("{id}", world.paymentId()); // a real payment: a 404 would be false
      }
      if (path.contains("{endpointId}")) {
        assumeMerchant();
        // Deleted endpoints are gone for the other operations: delete one of its own.
        String endpointId = op.startsWith("DELETE ") ? newEndpoint()
            : world.webhookEndpoint().string("id");
        path = path.replace("{endpointId}", endpointId);
      }
      if (path.contains("{eventId}")) {
        assumeMerchant();
        path = path.replace("{eventId}", world.eventId());
      }
      Http.Answer a = call(op, path, bearer);

      assertThat(a.status()).as("%s -> %s", op, a).isNotIn(404, 405);
      assertDocumentedAnswer(op, operation, a);
    }));
  }

  @TestFactory
  Stream<DynamicTest> everySecuredOperationRefusesAMissingCredentialAsDocumented() {
    return operations().entrySet().stream()
        .filter(e -> securityScheme(e.getValue()) != null)
        .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
          String op = e.getKey();
          String path = op.substring(op.indexOf(' ') + 1).replace("{id}", UUID.randomUUID() + "")
              .replace("{endpointId}", UUID.randomUUID() + "").replace("{eventId}", "evt_x");
          Http.Answer a = call(op, path, null);

          // The auth filters are bound to resource methods: a 401 proves the route matched.
          assertThat(a.status()).as("%s -> %s", op, a).isEqualTo(401);
          assertDocumentedAnswer(op, e.getValue(), a);
          // The challenge is documented, and the one sent is among those documented.
          Map<String, Object> challenge = resolve(object(object(
              response(op, 401).get("headers")).get("WWW-Authenticate")));
          assertThat(list(object(challenge.get("schema")).get("enum")))
              .as("%s WWW-Authenticate", op).contains(a.header("WWW-Authenticate"));
        }));
  }

  @TestFactory
  Stream<DynamicTest> everyMerchantOperationRefusesADisabledMerchantAsDocumented() {
    assumeMerchant();
    String token = disabledMerchantToken();
    return operations().entrySet().stream()
        .filter(e -> "merchantToken".equals(securityScheme(e.getValue())))
        .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
          String op = e.getKey();
          // Its own ids would do as well: the refusal comes before any look-up.
          String path = op.substring(op.indexOf(' ') + 1).replace("{id}", world.paymentId())
              .replace("{endpointId}", world.webhookEndpoint().string("id"));
          Http.Answer a = call(op, path, token);

          assertThat(a.status()).as("%s -> %s", op, a).isEqualTo(403);
          assertThat(a.string("type")).as("%s -> %s", op, a).endsWith("merchant-disabled");
          assertThat(object(object(e.getValue().get("responses")).get("403")).get("$ref"))
              .as("%s documents the disabled merchant's 403", op)
              .isEqualTo("#/components/responses/MerchantDisabled");
          assertDocumentedAnswer(op, e.getValue(), a);
        }));
  }

  /** A token of a merchant logged in and then disabled by the operator. */
  private static String disabledMerchantToken() {
    String login = "openapi-disabled-" + UUID.randomUUID();
    Http.Answer created = gw.http().post("/createuser", TestGateway.OPERATOR_KEY,
        "{\"login\":\"" + login + "\",\"name\":\"Disabled shop\",\"password\":\""
            + TestGateway.PASSWORD + "\",\"acquiringbank\":\""
            + world.created().string("acquiringBank") + "\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String token = gw.login(login);
    Http.Answer disabled = gw.http().post("/admin/merchants/" + created.string("id")
        + "/disable", TestGateway.OPERATOR_KEY, "{}");
    assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
    return token;
  }

  /** The id of a merchant for the operator's merchant tools, created once. */
  private static String adminTarget() {
    if (adminTarget == null) {
      String login = "openapi-admin-" + UUID.randomUUID();
      Http.Answer created = gw.http().post("/createuser", TestGateway.OPERATOR_KEY,
          "{\"login\":\"" + login + "\",\"name\":\"Admin target\",\"password\":\""
              + TestGateway.PASSWORD + "\",\"acquiringbank\":\""
              + world.created().string("acquiringBank") + "\"}");
      adminTarget = created.string("id");
    }
    return adminTarget;
  }

  @Test
  void onlyBearerRoutesDocumentAChallenge() {
    operations().forEach((op, operation) -> {
      Object unauthorized = object(operation.get("responses")).get("401");
      if (unauthorized != null) {
        boolean challenges = resolve(object(unauthorized)).get("headers") instanceof Map<?, ?> h
            && h.containsKey("WWW-Authenticate");
        assertThat(challenges).as("%s documents WWW-Authenticate on its 401", op)
            .isEqualTo(securityScheme(operation) != null);
      }
    });
    Http.Answer badLogin = gw.http().post("/login", null,
        "{\"login\":\"nobody\",\"password\":\"wrong password 1\"}");
    assertThat(badLogin.status()).isEqualTo(401);
    assertThat(badLogin.header("WWW-Authenticate")).isNull();
  }

  // Schemas against real answers.

  @Test
  void adminMerchantSchemaHasExactlyTheKeysOfARealAccount() {
    assumeMerchant();
    Http.Answer account = gw.http().get("/admin/merchants/" + world.created().string("id"),
        TestGateway.OPERATOR_KEY);
    Map<String, Object> schema = responseSchema("GET /admin/merchants/{id}", account.status());

    assertThat(properties(schema).keySet())
        .containsExactlyInAnyOrderElementsOf(account.json().keySet());
    assertThat(list(schema.get("required")))
        .containsExactlyInAnyOrderElementsOf(account.json().keySet());
    Map<String, Object> page = object(response("GET /admin/merchants", 200).get("content"));
    assertThat(resolve(object(object(object(object(page.get("application/json")).get("schema"))
        .get("items"))))).isEqualTo(schema);
  }

  @Test
  void operatorPaymentSchemasAreThePaymentAndTheirOwnKeys() {
    Map<String, Object> payment = resolve(Map.of("$ref", "#/components/schemas/Payment"));
    Map<String, Object> settled = responseSchema("POST /admin/payments/{id}/settle", 200);
    Map<String, Object> attention = resolve(Map.of("$ref",
        "#/components/schemas/AttentionPayment"));

    assertThat(properties(settled).keySet()).containsAll(properties(payment).keySet())
        .hasSize(properties(payment).size() + 2).contains("settledBy", "settleReason");
    assertThat(properties(attention).keySet()).containsAll(properties(payment).keySet())
        .hasSize(properties(payment).size() + 2).contains("attention", "reconcileAttempts");
  }

  @Test
  void paymentSchemaHasExactlyTheKeysOfARealPayment() {
    assumeMerchant();
    Map<String, Object> payment = world.payment().json();
    Map<String, Object> schema = responseSchema("POST /api/process", world.payment().status());

    assertThat(properties(schema).keySet()).containsExactlyInAnyOrderElementsOf(payment.keySet());
    assertThat(list(schema.get("required"))).containsExactlyInAnyOrderElementsOf(payment.keySet());
    payment.forEach((key, value) -> {
      if (value == null) {
        assertThat(property(schema, key).get("nullable")).as("%s is null, so nullable", key)
            .isEqualTo(true);
      }
    });
    assertThat(list(property(schema, "status").get("enum"))).contains(payment.get("status"));

    assertThat(responseSchema("POST /api/process", 201)).isEqualTo(schema);
    assertThat(responseSchema("POST /api/process", 202)).isEqualTo(schema);
    assertThat(responseSchema("GET /api/history/{id}", 200)).isEqualTo(schema);
    assertThat(resolve(object(responseSchema("GET /api/history", 200).get("items"))))
        .isEqualTo(schema);
    Http.Answer one = gw.http().get("/api/history/" + world.paymentId(), world.token());
    assertThat(one.json().keySet()).containsExactlyInAnyOrderElementsOf(payment.keySet());
    assertThat(world.historyPage().jsonList()).hasSize(1);
    assertThat(world.historyPage().jsonList().get(0).keySet())
        .containsExactlyInAnyOrderElementsOf(payment.keySet());
  }

  @Test
  void paymentAndHistoryHeadersAreDocumented() {
    assumeMerchant();
    Map<String, Object> created = response("POST /api/process", world.payment().status());
    assertThat(URI.create(world.payment().header("Location")).getPath())
        .isEqualTo("/api/history/" + world.paymentId());
    assertThat(world.replay().header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(world.payment().header("Server-Timing")).startsWith("bank;dur=");
    assertThat(object(created.get("headers")))
        .containsKeys("Location", "Idempotent-Replayed", "Server-Timing");
    assertThat(resolve(object(parameter("POST /api/process", "header"))))
        .containsEntry("name", "Idempotency-Key").containsEntry("required", false);

    assertThat(world.historyPage().header("Link")).contains("rel=\"next\"");
    assertThat(object(response("GET /api/history", 200).get("headers"))).containsKey("Link");
  }

  @Test
  void webhookEndpointSchemasHaveExactlyTheKeysOfRealAnswers() {
    assumeMerchant();
    Map<String, Object> created = world.webhookEndpoint().json();
    assertThat(properties(responseSchema("POST /api/webhooks/endpoints", 201)).keySet())
        .containsExactlyInAnyOrderElementsOf(created.keySet());
    String id = world.webhookEndpoint().string("id");
    Map<String, Object> one = gw.http().get("/api/webhooks/endpoints/" + id, world.token()).json();
    assertThat(properties(responseSchema("GET /api/webhooks/endpoints/{endpointId}", 200))
        .keySet()).containsExactlyInAnyOrderElementsOf(one.keySet());
    // The first delivery is attempted in the background: wait for it to be recorded.
    List<Map<String, Object>> attempts = await().atMost(Duration.ofSeconds(30)).until(
        () -> gw.http().get("/api/webhooks/endpoints/" + id + "/deliveries", world.token())
            .jsonList(), list -> !list.isEmpty());
    Map<String, Object> attemptSchema = resolve(object(responseSchema(
        "GET /api/webhooks/endpoints/{endpointId}/deliveries", 200).get("items")));
    assertThat(properties(attemptSchema).keySet())
        .containsExactlyInAnyOrderElementsOf(attempts.get(0).keySet());
    Map<String, Object> operatorSchema = resolve(object(responseSchema(
        "GET /admin/webhooks/endpoints", 200).get("items")));
    Map<String, Object> seen = gw.http().get("/admin/webhooks/endpoints",
        TestGateway.OPERATOR_KEY).jsonList().get(0);
    assertThat(properties(operatorSchema).keySet())
        .containsExactlyInAnyOrderElementsOf(seen.keySet());
  }

  @Test
  void tokenPairSchemaHasExactlyTheKeysOfARealLogin() {
    assumeMerchant();
    Map<String, Object> schema = responseSchema("POST /login", 200);

    assertThat(properties(schema).keySet())
        .containsExactlyInAnyOrderElementsOf(world.login().json().keySet());
    assertThat(responseSchema("POST /token/refresh", 200)).isEqualTo(schema);
  }

  @Test
  void merchantSchemaHasExactlyTheKeysOfARealMerchant() {
    assumeMerchant();
    Map<String, Object> schema = responseSchema("POST /createuser", 201);

    assertThat(properties(schema).keySet())
        .containsExactlyInAnyOrderElementsOf(world.created().json().keySet());
    assertThat(responseSchema("POST /createmerchant", 201)).isEqualTo(schema);
  }

  @Test
  void problemSchemaDeclaresEveryKeyOfARealProblem() {
    Http.Answer invalid = gw.http().post("/login", null, "{\"login\":42,\"password\":\"x\"}");
    Http.Answer malformed = gw.http().post("/login", null, "{\"login\":");
    Map<String, Object> schema = responseSchema("POST /login", 400);
    Map<String, Object> fieldError = resolve(object(property(schema, "errors").get("items")));

    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.header("Content-Type")).startsWith("application/problem+json");
    assertThat(invalid.json()).containsKey("errors");
    assertThat(properties(schema).keySet()).containsAll(invalid.json().keySet());
    assertThat(invalid.json().keySet()).containsAll(list(schema.get("required"))
        .stream().map(String.class::cast).toList());
    for (Object error : list(invalid.json().get("errors"))) {
      assertThat(properties(fieldError).keySet())
          .containsExactlyInAnyOrderElementsOf(object(error).keySet());
    }
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(properties(schema).keySet()).containsAll(malformed.json().keySet());
  }

  @Test
  void healthAndReadinessSchemasHaveTheKeysOfRealAnswers() {
    Http.Answer health = gw.http().get("/health", null);
    Http.Answer ready = gw.http().get("/ready", null);
    Map<String, Object> readiness = responseSchema("GET /ready", ready.status());
    Map<String, Object> checks = property(readiness, "checks");

    assertThat(properties(responseSchema("GET /health", 200)).keySet())
        .containsExactlyInAnyOrderElementsOf(health.json().keySet());
    assertThat(properties(readiness).keySet())
        .containsExactlyInAnyOrderElementsOf(ready.json().keySet());
    assertThat(properties(checks).keySet())
        .containsExactlyInAnyOrderElementsOf(object(ready.json().get("checks")).keySet());
    Map<String, Object> acquirer =
        resolve(object(property(checks, "acquirers").get("additionalProperties")));
    for (Object a : object(object(ready.json().get("checks")).get("acquirers")).values()) {
      assertThat(properties(acquirer).keySet())
          .containsExactlyInAnyOrderElementsOf(object(a).keySet());
    }
  }

  @Test
  void acquirersSchemaHasTheKeysOfARealAnswer() {
    Http.Answer answer = gw.http().get("/admin/acquirers", TestGateway.OPERATOR_KEY);
    Map<String, Object> schema = responseSchema("GET /admin/acquirers", answer.status());
    Map<String, Object> loaded = resolve(object(property(schema, "acquirers").get("items")));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(properties(schema).keySet())
        .containsExactlyInAnyOrderElementsOf(answer.json().keySet());
    for (Object a : list(answer.json().get("acquirers"))) {
      assertThat(properties(loaded).keySet())
          .containsExactlyInAnyOrderElementsOf(object(a).keySet());
    }
  }

  // The server's routes, from Jersey's own model of the registered resource classes.

  private static void collectRoutes(Resource resource, String parent, Set<String> routes) {
    String path = join(parent, resource.getPath());
    assertThat(resource.getResourceLocator())
        .as("sub-resource locator at %s: its routes cannot be listed statically", path).isNull();
    for (ResourceMethod method : resource.getResourceMethods()) {
      routes.add(method.getHttpMethod().toUpperCase() + " " + path);
    }
    for (Resource child : resource.getChildResources()) {
      collectRoutes(child, path, routes);
    }
  }

  /** Joins two JAX-RS paths, as the server matches them: {@code /api/history/{id}}. */
  private static String join(String parent, String path) {
    String combined = (parent + "/" + (path == null ? "" : path))
        .replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}") // {id: regex} is {id}
        .replaceAll("/+", "/");
    return combined.length() > 1 && combined.endsWith("/")
        ? combined.substring(0, combined.length() - 1) : combined;
  }

  // The document's operations, answers and schemas.

  /** "METHOD /path" to the operation object, for every operation in the document. */
  private static Map<String, Map<String, Object>> operations() {
    Map<String, Map<String, Object>> ops = new LinkedHashMap<>();
    object(doc.get("paths")).forEach((path, item) -> object(item).forEach((key, operation) -> {
      if (HTTP_METHODS.contains(key)) {
        ops.put(key.toUpperCase() + " " + path, object(operation));
      }
    }));
    assertThat(ops).as("operations in the document").isNotEmpty();
    return ops;
  }

  private static List<Object> security(Map<String, Object> operation) {
    Object security = operation.containsKey("security")
        ? operation.get("security") : doc.get("security");
    return security == null ? List.of() : list(security);
  }

  /** The security scheme an operation takes, or null when it is open. */
  private static String securityScheme(Map<String, Object> operation) {
    List<Object> security = security(operation);
    return security.isEmpty() ? null : object(security.get(0)).keySet().iterator().next();
  }

  /** A fresh endpoint of the world's merchant, to delete. */
  private static String newEndpoint() {
    Http.Answer a = gw.http().post("/api/webhooks/endpoints", world.token(),
        "{\"url\":\"" + receiver.url() + "\",\"events\":[\"refund.succeeded\"]}");
    assertThat(a.status()).as(a.toString()).isEqualTo(201);
    return a.string("id");
  }

  private static Http.Answer call(String op, String path, String bearer) {
    if (op.startsWith("GET ")) {
      return gw.http().get(path, bearer);
    }
    if (op.startsWith("POST ")) {
      // An empty object: enough for the request to reach the resource method.
      return gw.http().post(path, bearer, "{}");
    }
    if (op.startsWith("DELETE ")) {
      return gw.http().send(gw.http().request(path, bearer).DELETE().build());
    }
    if (op.startsWith("PUT ")) {
      return gw.http().send(gw.http().request(path, bearer)
          .header("Content-Type", "application/json")
          .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
    }
    return fail("no request for " + op);
  }

  /** The answer's status is documented, and its content type is one documented for it. */
  private static void assertDocumentedAnswer(String op, Map<String, Object> operation,
      Http.Answer a) {
    Map<String, Object> responses = object(operation.get("responses"));
    assertThat(responses).as("%s documents the %s it answered: %s", op, a.status(), a)
        .containsKey(String.valueOf(a.status()));
    Map<String, Object> response = resolve(object(responses.get(String.valueOf(a.status()))));
    Object content = response.get("content");
    if (content == null) {
      assertThat(a.body()).as("%s %s has no documented body", op, a.status()).isEmpty();
    } else {
      String type = a.header("Content-Type").split(";")[0].trim();
      assertThat(object(content)).as("%s %s content type", op, a.status()).containsKey(type);
    }
  }

  private static Map<String, Object> response(String op, int status) {
    Map<String, Object> responses = object(operations().get(op).get("responses"));
    assertThat(responses).as(op).containsKey(String.valueOf(status));
    return resolve(object(responses.get(String.valueOf(status))));
  }

  /** The schema of an operation's answer, {@code $ref} resolved. */
  private static Map<String, Object> responseSchema(String op, int status) {
    Map<String, Object> content = object(response(op, status).get("content"));
    Map<String, Object> media = object(content.containsKey("application/json")
        ? content.get("application/json") : content.get("application/problem+json"));
    return resolve(object(media.get("schema")));
  }

  private static Object parameter(String op, String in) {
    for (Object p : list(operations().get(op).get("parameters"))) {
      if (in.equals(resolve(object(p)).get("in"))) {
        return p;
      }
    }
    return fail(op + " has no " + in + " parameter");
  }

  private static Map<String, Object> properties(Map<String, Object> schema) {
    return object(schema.get("properties"));
  }

  private static Map<String, Object> property(Map<String, Object> schema, String name) {
    Map<String, Object> p = properties(schema);
    assertThat(p).containsKey(name);
    return resolve(object(p.get(name)));
  }

  private static Map<String, Object> resolve(Map<String, Object> node) {
    Map<String, Object> n = node;
    for (int hops = 0; n.containsKey("$ref"); hops++) {
      assertThat(hops).as("$ref chain too long").isLessThan(10);
      n = object(resolvePointer((String) n.get("$ref")));
    }
    return n;
  }

  /** The node a local JSON pointer ({@code #/components/schemas/Payment}) names, or null. */
  private static Object resolvePointer(String ref) {
    Object node = doc;
    for (String token : ref.substring(2).split("/")) {
      if (!(node instanceof Map)) {
        return null;
      }
      node = ((Map<?, ?>) node).get(token.replace("~1", "/").replace("~0", "~"));
    }
    return node;
  }

  private static void collectRefs(Object node, List<String> refs) {
    if (node instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        if ("$ref".equals(k)) {
          refs.add((String) v);
        } else {
          collectRefs(v, refs);
        }
      });
    } else if (node instanceof List<?> items) {
      items.forEach(v -> collectRefs(v, refs));
    }
  }

  private static Object parse(String json) {
    try {
      return MOSHI.adapter(Object.class).fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + json, e);
    }
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

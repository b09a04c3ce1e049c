package io.paygate.sdk;

import static io.paygate.sdk.FakeGateway.json;
import static io.paygate.sdk.FakeGateway.problem;
import static io.paygate.sdk.SubmitPaymentTest.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {
  private FakeGateway gateway;
  private PaygateClient client;

  @BeforeEach void setUp() throws Exception {
    gateway = new FakeGateway();
    client = gateway.clientBuilder().maxRetries(0).build();
  }

  @AfterEach void tearDown() {
    gateway.close();
  }

  @Test void fieldErrorsOfAProblemBecomeTheInvalidRequestsFieldErrors() {
    gateway.enqueue(new MockResponse.Builder()
        .code(400)
        .setHeader("Content-Type", "application/problem+json")
        .body("{\"type\":\"https://paygate.dev/problems/validation-error\",\"title\":\"Invalid request\","
            + "\"status\":400,\"detail\":\"2 fields are invalid\",\"requestId\":\"0193a1b2c3d4\","
            + "\"errors\":[{\"field\":\"cardnumber\",\"message\":\"is not a valid card number (check digit)\"},"
            + "{\"field\":\"expiryyear\",\"message\":\"the card has expired\"}]}")
        .build());

    assertThatThrownBy(() -> client.submit(request()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(400);
          assertThat(e.requestId()).isEqualTo("0193a1b2c3d4"); // from the body: no header here
          assertThat(e.fieldErrors()).containsExactly(
              new FieldError("cardnumber", "is not a valid card number (check digit)"),
              new FieldError("expiryyear", "the card has expired"));
          assertThat(e.getMessage()).isEqualTo("POST /api/process: 2 fields are invalid: "
              + "cardnumber is not a valid card number (check digit); expiryyear the card has expired "
              + "(HTTP 400, request id 0193a1b2c3d4)");
        });
  }

  @Test void requestIdHeaderWins() {
    gateway.enqueue(problem(400, "malformed-json", "not JSON").newBuilder()
        .setHeader("X-Request-Id", "from-header").build());

    assertThatThrownBy(() -> client.submit(request()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.requestId()).isEqualTo("from-header");
          assertThat(e.fieldErrors()).isEmpty();
        });
  }

  @Test void forbiddenIsAPermissionError() {
    gateway.enqueue(problem(403, "forbidden", "operator endpoint"));

    assertThatThrownBy(() -> client.payment("p-1")).isInstanceOf(PermissionException.class);
  }

  @Test void unsupportedMediaTypeIsAnInvalidRequest() {
    gateway.enqueue(problem(415, "unsupported-media-type", "not JSON"));

    assertThatThrownBy(() -> client.submit(request()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.httpStatus()).isEqualTo(415));
  }

  @Test void inFlightAfterEveryRetryIsAKeyInUseWhichIsRetryable() {
    gateway.enqueue(problem(409, "idempotency-in-flight", "still processing"));

    assertThatThrownBy(() -> client.submit(request()))
        .isInstanceOfSatisfying(IdempotencyKeyInUseException.class, e -> {
          assertThat(e).isInstanceOf(IdempotencyConflictException.class);
          assertThat(e.isRetryable()).as("ask again later with the same key").isTrue();
          assertThat(e.httpStatus()).isEqualTo(409);
          assertThat(e.idempotencyKey()).isNotNull();
        });
  }

  @Test void serverErrorWithoutAProblemBodyIsStillTyped() {
    gateway.enqueue(new MockResponse.Builder().code(502).body("<html>Bad Gateway</html>").build());

    assertThatThrownBy(() -> client.payment("p-1"))
        .isInstanceOfSatisfying(ServerException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(502);
          assertThat(e.requestId()).isNull();
          assertThat(e.getMessage()).isEqualTo("GET /api/history/p-1: HTTP 502");
        });
  }

  @Test void unexpectedStatusIsThePlainRootException() {
    gateway.enqueue(json(418, "{}"));

    assertThatThrownBy(() -> client.payment("p-1"))
        .isExactlyInstanceOf(PaygateException.class)
        .satisfies(e -> assertThat(((PaygateException) e).httpStatus()).isEqualTo(418));
  }

  @Test void exceptionsCanBeBuiltInUsersTests() {
    PaygateException failure = new ConnectionFailureException("down", "order-1", null);
    assertThat(failure.idempotencyKey()).isEqualTo("order-1");
    assertThat(failure.httpStatus()).isZero();
    assertThat(new RateLimitedException("slow", 429, "r-1", null, java.time.Duration.ofSeconds(2)).retryAfter())
        .hasSeconds(2);
  }
}

package io.paygate.piggy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.paygate.piggy.Payments.lookUp;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.paygate.acquirer.spi.Acquirer;
import io.paygate.acquirer.spi.AcquirerSettings;
import io.paygate.acquirer.spi.AuthorisationRequest;
import io.paygate.acquirer.spi.AuthorisationResult;
import io.paygate.acquirer.spi.Card;
import io.paygate.acquirer.spi.StatusResult;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * No card number and no CVV in any result, reason, toString or log line, whatever the bank does,
 * even when a hostile bank echoes them back. (Against the Piggy Bank simulator: piggy-simulator's
 * {@code PiggyBankWithSimulatorTest}.)
 */
class CardDataLeakTest {
  private static final String CARD = TestCards.AUTHORISED_TOO;
  private static final String CVV = "7319";

  private final List<String> seen = new ArrayList<>();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private Level rootLevel;

  @BeforeEach
  void captureLogs() {
    rootLevel = root.getLevel();
    root.setLevel(Level.INFO);
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void restoreLogs() {
    root.detachAppender(logs);
    root.setLevel(rootLevel);
  }

  private static AuthorisationRequest request(String card) {
    return Payments.authorisation(UUID.randomUUID().toString(),
        new Card(card, CVV, 12, 2030, "Peppa Pig"), Instant.now().plusSeconds(10));
  }

  private void record(AuthorisationResult result) {
    seen.add(result.toString());
    seen.add(String.valueOf(result.message()));
    seen.add(String.valueOf(result.reasonCode()));
  }

  private void record(StatusResult result) {
    seen.add(result.toString());
    seen.add(String.valueOf(result.message()));
  }

  @Test
  void noResultReasonToStringOrLogLineHoldsTheCardNumberOrCvv() throws IOException {
    againstWireMock();
    againstAClosedPort();
    AuthorisationRequest request = request(CARD);
    seen.add(request.toString());
    seen.add(request.card().toString());
    seen.add(new PaymentRequestBody(request).toString());
    logs.list.forEach(event -> seen.add(event.getFormattedMessage()));
    logs.list.stream().filter(e -> e.getThrowableProxy() != null)
        .forEach(e -> seen.add(e.getThrowableProxy().getMessage()));

    assertThat(seen).hasSizeGreaterThan(50);
    assertThat(seen).allSatisfy(text -> assertThat(text)
        .doesNotContain(CARD)
        .doesNotContainPattern("(?<![0-9])" + CVV + "(?![0-9])"));
  }

  private void againstWireMock() {
    WireMockServer bank = new WireMockServer(wireMockConfig().dynamicPort());
    bank.start();
    try (Acquirer acquirer = new PiggyBankAcquirerProvider().create(new AcquirerSettings(
        "PiggyBank", Map.of("baseUrl", bank.baseUrl(), "readTimeout", "300ms")))) {
      List<ResponseDefinitionBuilder> answers = new ArrayList<>(List.of(
          json(200, "{\"reference\":\"" + CARD + "\",\"status\":\"" + CVV + "\"}"),
          json(200, "{\"status\":\"" + CVV + "\",\"reason\":\"" + CVV + "\",\"message\":\""
              + CARD + "\",\"amount\":4250,\"currency\":\"" + CVV + "\"}"),
          json(200, "{\"status\":\"DECLINED\",\"reason\":\"" + CVV + "\"}"),
          json(200, "{\"status\":\"DECLINED\",\"reason\":\"do_not_honour\",\"message\":\"card "
              + CARD + "\"}"),
          json(400, "{\"error\":\"" + CARD + "\",\"field\":\"" + CVV + "\"}"),
          json(404, "{\"error\":\"" + CVV + "\"}"),
          json(200, CARD + CVV),
          json(500, "{}"),
          json(503, "{}"),
          json(200, "{}").withFixedDelay(1_000)));
      for (Fault fault : Fault.values()) {
        answers.add(aResponse().withFault(fault));
      }
      for (ResponseDefinitionBuilder answer : answers) {
        bank.resetAll();
        AuthorisationRequest request = request(CARD);
        // Echo the reference so the answer passes the reference check and reaches the rest.
        bank.stubFor(any(anyUrl()).willReturn(withReference(answer, request)));
        record(acquirer.authorise(request));
        record(acquirer.status(lookUp(request.paymentReference())));
      }
    } finally {
      bank.stop();
    }
  }

  private static ResponseDefinitionBuilder withReference(
      ResponseDefinitionBuilder answer, AuthorisationRequest request) {
    String body = answer.build().getBody();
    if (body == null || !body.startsWith("{\"status\"")) {
      return answer;
    }
    return answer.withBody("{\"reference\":\"" + request.paymentReference() + "\","
        + body.substring(1));
  }

  private void againstAClosedPort() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (Acquirer acquirer = new PiggyBankAcquirerProvider().create(new AcquirerSettings(
        "PiggyBank", Map.of("baseUrl", "http://127.0.0.1:" + closedPort)))) {
      record(acquirer.authorise(request(CARD)));
      record(acquirer.status(lookUp("pay-1")));
    }
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody(body);
  }
}

package io.paygate.piggy;

import static io.paygate.piggy.Payments.authorisation;
import static io.paygate.piggy.Payments.lookUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.paygate.acquirer.spi.Acquirer;
import io.paygate.acquirer.spi.AcquirerSettings;
import io.paygate.acquirer.spi.AuthorisationRequest;
import io.paygate.acquirer.spi.AuthorisationResult;
import io.paygate.acquirer.spi.Card;
import io.paygate.acquirer.spi.StatusResult;
import io.paygate.piggy.simulator.PiggyBankSimulator;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The Piggy Bank connector end to end against its simulator: embedded ({@code simulator=true},
 * found through this jar's {@link EmbeddedBankLauncher}) or started by the test.
 */
class PiggyBankWithSimulatorTest {
  private static final Map<String, String> SIMULATOR = Map.of("simulator", "true");

  private final PiggyBankAcquirerProvider provider = new PiggyBankAcquirerProvider();

  private static String newReference() {
    return UUID.randomUUID().toString();
  }

  @Test
  void saysItIsASimulatorAndWhereItListens() {
    try (Acquirer acquirer = provider.create(new AcquirerSettings("PiggyBank", SIMULATOR))) {
      assertThat(acquirer.simulator()).isTrue();
      assertThat(acquirer.destination()).matches("http://127\\.0\\.0\\.1:\\d+/");
    }
  }

  @Test
  void servesPaymentsFromAnEmbeddedSimulatorWhenAskedFor() {
    try (Acquirer acquirer = provider.create(new AcquirerSettings("PiggyBank", SIMULATOR))) {
      String authorised = newReference();
      String declined = newReference();

      AuthorisationResult authorisation =
          acquirer.authorise(authorisation(authorised, TestCards.AUTHORISED));
      AuthorisationResult decline =
          acquirer.authorise(authorisation(declined, TestCards.DO_NOT_HONOUR));
      AuthorisationResult unavailable =
          acquirer.authorise(authorisation(newReference(), TestCards.UNAVAILABLE));

      assertThat(authorisation.outcome()).isEqualTo(AuthorisationResult.Outcome.AUTHORISED);
      assertThat(authorisation.authorisationCode()).matches("[A-Z0-9]{6}");
      assertThat(authorisation.bankReference()).startsWith("piggy-");
      assertThat(decline.outcome()).isEqualTo(AuthorisationResult.Outcome.DECLINED);
      assertThat(decline.reasonCode()).isEqualTo("do_not_honour");
      assertThat(unavailable.outcome()).isEqualTo(AuthorisationResult.Outcome.NOT_PROCESSED);

      StatusResult found = acquirer.status(lookUp(authorised));
      assertThat(found.outcome()).isEqualTo(StatusResult.Outcome.AUTHORISED);
      assertThat(found.authorisationCode()).isEqualTo(authorisation.authorisationCode());
      assertThat(found.bankReference()).isEqualTo(authorisation.bankReference());
      assertThat(found.amountMinor()).isEqualTo(Payments.AMOUNT);
      assertThat(found.currency()).isEqualTo(Payments.EUR);
      assertThat(acquirer.status(lookUp(declined)).reasonCode()).isEqualTo("do_not_honour");
      assertThat(acquirer.status(lookUp(newReference())).outcome())
          .isEqualTo(StatusResult.Outcome.NOT_FOUND);
    }
  }

  @Test
  void stopsTheEmbeddedSimulatorOnClose() throws IOException {
    Acquirer acquirer = provider.create(new AcquirerSettings("PiggyBank", SIMULATOR));
    Matcher url = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/").matcher(acquirer.toString());
    assertThat(url.find()).as("the acquirer names its bank: %s", acquirer).isTrue();
    int port = Integer.parseInt(url.group(1));
    new Socket("127.0.0.1", port).close();

    acquirer.close();
    acquirer.close();

    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void delaysTheEmbeddedSimulatorsAnswersBySimulatorDelay() {
    try (Acquirer acquirer = provider.create(
        new AcquirerSettings("PiggyBank",
            Map.of("simulator", "true", "simulatorDelay", "300ms")))) {
      long started = System.nanoTime();

      AuthorisationResult result =
          acquirer.authorise(authorisation(newReference(), TestCards.AUTHORISED));

      assertThat(result.outcome()).isEqualTo(AuthorisationResult.Outcome.AUTHORISED);
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
  }

  @Test
  void aTimedOutPaymentIsUnknownAndReconciliationFindsItAuthorised() {
    try (PiggyBankSimulator slowBank =
            new PiggyBankSimulator(Duration.ofMillis(800)).start("127.0.0.1", 0);
        Acquirer impatient = provider.create(new AcquirerSettings("PiggyBank",
            Map.of("baseUrl", slowBank.baseUrl(), "readTimeout", "200ms")));
        Acquirer patient = provider.create(new AcquirerSettings("PiggyBank",
            Map.of("baseUrl", slowBank.baseUrl(), "readTimeout", "5s")))) {
      String reference = newReference();

      AuthorisationResult timedOut =
          impatient.authorise(authorisation(reference, TestCards.AUTHORISED));
      StatusResult reconciled = patient.status(lookUp(reference));

      assertThat(timedOut.outcome()).isEqualTo(AuthorisationResult.Outcome.UNKNOWN);
      assertThat(reconciled.outcome()).isEqualTo(StatusResult.Outcome.AUTHORISED);
    }
  }

  @Test
  void aRetryWithTheSameReferenceIsOneChargeWithOneCode() {
    try (PiggyBankSimulator bank = new PiggyBankSimulator().start("127.0.0.1", 0);
        Acquirer acquirer = provider.create(
            new AcquirerSettings("PiggyBank", Map.of("baseUrl", bank.baseUrl())))) {
      String reference = newReference();

      AuthorisationResult first = acquirer.authorise(authorisation(reference, TestCards.AUTHORISED));
      AuthorisationResult retry = acquirer.authorise(authorisation(reference, TestCards.AUTHORISED));

      assertThat(retry.authorisationCode()).isEqualTo(first.authorisationCode());
      assertThat(retry.bankReference()).isEqualTo(first.bankReference());
    }
  }

  @Test
  void looksUpAReferenceHoldingSpacesSlashesAndAccents() {
    try (Acquirer acquirer = provider.create(new AcquirerSettings("PiggyBank", SIMULATOR))) {
      String reference = "order 42/é?#%";

      AuthorisationResult authorisation =
          acquirer.authorise(authorisation(reference, TestCards.AUTHORISED));
      StatusResult found = acquirer.status(lookUp(reference));

      assertThat(found.outcome()).isEqualTo(StatusResult.Outcome.AUTHORISED);
      assertThat(found.authorisationCode()).isEqualTo(authorisation.authorisationCode());
    }
  }

  @Test
  void noResultToStringOrLogLineHoldsTheCardNumberOrCvv() {
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    logs.start();
    root.addAppender(logs);
    List<String> seen = new ArrayList<>();
    List<String> cards = List.of(TestCards.AUTHORISED, TestCards.AUTHORISED_TOO,
        TestCards.INSUFFICIENT_FUNDS, TestCards.DO_NOT_HONOUR, TestCards.EXPIRED_CARD,
        TestCards.SUSPECTED_FRAUD, TestCards.UNAVAILABLE);
    try (Acquirer acquirer = provider.create(new AcquirerSettings("PiggyBank", SIMULATOR))) {
      seen.add(acquirer.toString());
      for (String card : cards) {
        AuthorisationRequest request = Payments.authorisation(newReference(),
            new Card(card, "7319", 12, 2030, "Peppa Pig"), Instant.now().plusSeconds(10));
        AuthorisationResult result = acquirer.authorise(request);
        StatusResult status = acquirer.status(lookUp(request.paymentReference()));
        seen.addAll(List.of(result.toString(), String.valueOf(result.message()),
            String.valueOf(result.reasonCode()), status.toString(),
            String.valueOf(status.message())));
      }
    } finally {
      root.detachAppender(logs);
    }
    logs.list.forEach(event -> seen.add(event.getFormattedMessage()));

    assertThat(seen).hasSizeGreaterThan(30);
    assertThat(seen).allSatisfy(text -> {
      assertThat(text).doesNotContainPattern("(?<![0-9])7319(?![0-9])");
      cards.forEach(card -> assertThat(text).doesNotContain(card));
    });
  }
}

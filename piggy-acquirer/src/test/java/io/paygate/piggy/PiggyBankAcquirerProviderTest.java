package io.paygate.piggy;

import static io.paygate.piggy.Payments.authorisation;
import static io.paygate.piggy.Payments.lookUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paygate.acquirer.spi.Acquirer;
import io.paygate.acquirer.spi.AcquirerConfigurationException;
import io.paygate.acquirer.spi.AcquirerProvider;
import io.paygate.acquirer.spi.AcquirerSettings;
import io.paygate.acquirer.spi.AcquirerSpi;
import io.paygate.acquirer.spi.AuthorisationResult;
import io.paygate.acquirer.spi.Setting;
import io.paygate.acquirer.spi.StatusResult;
import io.paygate.piggy.simulator.PiggyBankSimulator;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The provider: discovery, settings, and the plug-in end to end against the simulator. */
class PiggyBankAcquirerProviderTest {
  private final PiggyBankAcquirerProvider provider = new PiggyBankAcquirerProvider();

  private static String newReference() {
    return UUID.randomUUID().toString();
  }

  @Test
  void isFoundByTheServiceLoader() {
    assertThat(ServiceLoader.load(AcquirerProvider.class))
        .anySatisfy(found -> {
          assertThat(found).isInstanceOf(PiggyBankAcquirerProvider.class);
          assertThat(found.name()).isEqualTo("PiggyBank");
        });
  }

  @Test
  void declaresItsNameSpiVersionAndSettings() {
    assertThat(provider.name()).isEqualTo("PiggyBank");
    assertThat(provider.spiVersion()).isEqualTo(AcquirerSpi.VERSION);
    assertThat(AcquirerSpi.incompatibility(provider.spiVersion())).isNull();
    assertThat(provider.settings()).extracting(Setting::name).containsExactly(
        "baseUrl", "connectTimeout", "readTimeout", "simulatorDelay", "maxConnections");
    assertThat(provider.settings()).extracting(Setting::defaultValue).containsExactly(
        null, "1s", "5s", "0ms", "64");
    assertThat(provider.settings()).noneMatch(Setting::isRequired);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "baseUrl         | not a url",
    "baseUrl         | ftp://piggy.example",
    "connectTimeout  | soon",
    "readTimeout     | 0s",
    "readTimeout     | -5s",
    "readTimeout     | PT0.0001S",
    "connectTimeout  | 30000h",
    "maxConnections  | many",
    "maxConnections  | 0",
    "simulatorDelay  | slow",
    "simulatorDelay  | -1s"
  })
  void refusesABadSettingNamingIt(String name, String value) {
    assertThatThrownBy(() -> provider.create(new AcquirerSettings("PiggyBank", Map.of(name, value))))
        .isInstanceOf(AcquirerConfigurationException.class)
        .hasMessageContaining("PiggyBank")
        .hasMessageContaining("'" + name + "'");
  }

  @Test
  void refusesASimulatorDelayWithABaseUrlSinceNoSimulatorRuns() {
    AcquirerSettings settings = new AcquirerSettings("PiggyBank",
        Map.of("baseUrl", "http://127.0.0.1:9", "simulatorDelay", "200ms"));

    assertThatThrownBy(() -> provider.create(settings))
        .isInstanceOf(AcquirerConfigurationException.class)
        .hasMessageContaining("'simulatorDelay'")
        .hasMessageContaining("'baseUrl'");
  }

  @Test
  void readsSettingNamesWhateverTheirCase() {
    try (Acquirer acquirer = provider.create(new AcquirerSettings("PiggyBank",
        Map.of("BASEURL", "http://127.0.0.1:9/bank/", "MAXCONNECTIONS", "8")))) {
      assertThat(acquirer.toString()).contains("http://127.0.0.1:9/bank/payments");
    }
  }

  @Test
  void worksOutOfTheBoxAgainstAnEmbeddedSimulator() {
    try (Acquirer acquirer = provider.create(new AcquirerSettings("PiggyBank", Map.of()))) {
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
    Acquirer acquirer = provider.create(new AcquirerSettings("PiggyBank", Map.of()));
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
        new AcquirerSettings("PiggyBank", Map.of("simulatorDelay", "300ms")))) {
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
    try (Acquirer acquirer = provider.create(new AcquirerSettings("PiggyBank", Map.of()))) {
      String reference = "order 42/é?#%";

      AuthorisationResult authorisation =
          acquirer.authorise(authorisation(reference, TestCards.AUTHORISED));
      StatusResult found = acquirer.status(lookUp(reference));

      assertThat(found.outcome()).isEqualTo(StatusResult.Outcome.AUTHORISED);
      assertThat(found.authorisationCode()).isEqualTo(authorisation.authorisationCode());
    }
  }
}

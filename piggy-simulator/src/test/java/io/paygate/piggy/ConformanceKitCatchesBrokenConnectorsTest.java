package io.paygate.piggy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.paygate.acquirer.spi.Acquirer;
import io.paygate.acquirer.spi.AcquirerProvider;
import io.paygate.acquirer.spi.AcquirerSettings;
import io.paygate.acquirer.spi.AuthorisationRequest;
import io.paygate.acquirer.spi.AuthorisationResult;
import io.paygate.acquirer.spi.StatusRequest;
import io.paygate.acquirer.spi.StatusResult;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The conformance kit can fail: run against the Piggy Bank connector with one fault slipped in,
 * the check for that fault goes red. (Against the real connector it is green:
 * {@link PiggyBankConformanceTest}.)
 */
class ConformanceKitCatchesBrokenConnectorsTest {

  @Test
  void aConnectorThatCallsATimeoutADeclineFailsTheTimeoutCheck() {
    assertThat(failures(TimeoutsAsDeclines.class,
        "aBankThatDoesNotAnswerInTimeGivesUnknownNeverDeclined", "anUnreadableAnswerIsUnknown"))
        .containsExactlyInAnyOrder(
            "aBankThatDoesNotAnswerInTimeGivesUnknownNeverDeclined", "anUnreadableAnswerIsUnknown");
  }

  @Test
  void aConnectorThatSendsItsOwnReferenceFailsTheIdempotencyCheck() {
    assertThat(failures(OwnReference.class, "theSamePaymentReferenceTwiceIsOnePaymentAtTheBank",
        "aPaymentCanBeLookedUpByItsReference", "anAuthorisingCardIsAuthorised"))
        .containsExactlyInAnyOrder("theSamePaymentReferenceTwiceIsOnePaymentAtTheBank",
            "aPaymentCanBeLookedUpByItsReference");
  }

  @Test
  void aConnectorThatPutsTheCardNumberInAMessageFailsTheCardDataCheck() {
    assertThat(failures(LeaksCardNumber.class, "noCardDataInResultsOrToString",
        "anAuthorisingCardIsAuthorised"))
        .containsExactly("noCardDataInResultsOrToString");
  }

  @Test
  void aConnectorThatThrowsFailsTheKit() {
    assertThat(failures(ThrowsWhenNotProcessed.class, "aRefusedConnectionIsNotProcessed"))
        .containsExactly("aRefusedConnectionIsNotProcessed");
  }

  /** Runs the named checks of {@code suite}; answers the names of those that failed. */
  private static Set<String> failures(Class<?> suite, String... checks) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(List.of(checks).stream().map(m -> selectMethod(suite, m)).toList())
        .build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(request, listener);
    TestExecutionSummary summary = listener.getSummary();
    assertThat(summary.getTestsFoundCount()).as("checks found").isEqualTo(checks.length);
    return summary.getFailures().stream()
        .map(f -> f.getTestIdentifier().getSource().orElseThrow())
        .map(source -> ((MethodSource) source).getMethodName())
        .collect(Collectors.toSet());
  }

  // The kit's suite on Piggy Bank, each with one fault. Not named *Test: run only from here.

  /** Reads anything it cannot tell apart as a decline. */
  static class TimeoutsAsDeclines extends Faulty {
    TimeoutsAsDeclines() {
      super(UnaryOperator.identity(), r -> r.outcome() == AuthorisationResult.Outcome.UNKNOWN
          ? AuthorisationResult.declined("timeout", r.message()) : r);
    }
  }

  /** Sends a reference of its own making instead of the gateway's. */
  static class OwnReference extends Faulty {
    OwnReference() {
      super(request -> AuthorisationRequest.builder()
          .paymentReference(UUID.randomUUID().toString())
          .merchantId(request.merchantId())
          .card(request.card())
          .amount(request.amountMinor(), request.currency())
          .deadline(request.deadline())
          .build(), UnaryOperator.identity());
    }
  }

  /** Puts the card number in its messages. */
  static class LeaksCardNumber extends Faulty {
    private static final ThreadLocal<String> CARD = new ThreadLocal<>();

    LeaksCardNumber() {
      super(request -> {
        CARD.set(request.card().number());
        return request;
      }, r -> r.outcome() == AuthorisationResult.Outcome.DECLINED
          ? AuthorisationResult.declined(r.reasonCode(), "declined card " + CARD.get()) : r);
    }
  }

  /** Throws instead of answering not processed. */
  static class ThrowsWhenNotProcessed extends Faulty {
    ThrowsWhenNotProcessed() {
      super(UnaryOperator.identity(), r -> {
        if (r.outcome() == AuthorisationResult.Outcome.NOT_PROCESSED) {
          throw new IllegalStateException("connection refused");
        }
        return r;
      });
    }
  }

  /** The Piggy Bank suite, with the connector's requests and results passed through a fault. */
  abstract static class Faulty extends PiggyBankConformanceTest {
    private final UnaryOperator<AuthorisationRequest> before;
    private final UnaryOperator<AuthorisationResult> after;

    Faulty(UnaryOperator<AuthorisationRequest> before, UnaryOperator<AuthorisationResult> after) {
      this.before = before;
      this.after = after;
    }

    @Override
    protected AcquirerProvider provider() {
      AcquirerProvider real = super.provider();
      return new AcquirerProvider() {
        @Override
        public String name() {
          return real.name();
        }

        @Override
        public String spiVersion() {
          return real.spiVersion();
        }

        @Override
        public Acquirer create(AcquirerSettings settings) {
          Acquirer acquirer = real.create(settings);
          return new Acquirer() {
            @Override
            public AuthorisationResult authorise(AuthorisationRequest request) {
              return after.apply(acquirer.authorise(before.apply(request)));
            }

            @Override
            public StatusResult status(StatusRequest request) {
              return acquirer.status(request);
            }

            @Override
            public void close() {
              acquirer.close();
            }
          };
        }
      };
    }
  }
}

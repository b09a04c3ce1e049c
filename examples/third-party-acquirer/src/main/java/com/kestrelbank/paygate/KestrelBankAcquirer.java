package com.kestrelbank.paygate;

import io.paygate.acquirer.spi.Acquirer;
import io.paygate.acquirer.spi.AuthorisationRequest;
import io.paygate.acquirer.spi.AuthorisationResult;
import io.paygate.acquirer.spi.CaptureRequest;
import io.paygate.acquirer.spi.Card;
import io.paygate.acquirer.spi.Operation;
import io.paygate.acquirer.spi.OperationRequest;
import io.paygate.acquirer.spi.OperationResult;
import io.paygate.acquirer.spi.RefundRequest;
import io.paygate.acquirer.spi.StatusRequest;
import io.paygate.acquirer.spi.StatusResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Talks to Kestrel Bank: form-encoded requests, form-encoded answers with numeric codes, over the
 * JDK's own HTTP client (so this plug-in needs no library at all). Kestrel Bank authorises, then
 * captures (in full or in parts, up to what was authorised), and refunds what was captured (in
 * full or in parts): every operation is a form POST, idempotent by its {@code merchant_ref}.
 *
 * <p>Thread-safe: {@link HttpClient} is, and nothing else here changes. The JDK client never
 * resends a POST on its own, so a payment is sent at most once per call.
 */
final class KestrelBankAcquirer implements Acquirer {
  private final URI authorisations;
  private final URI captures;
  private final URI refunds;
  private final String apiKey;
  private final Duration timeout;
  private final HttpClient http;

  KestrelBankAcquirer(URI baseUrl, String apiKey, Duration timeout) {
    this.authorisations = baseUrl.resolve("v2/authorisations");
    this.captures = baseUrl.resolve("v2/captures");
    this.refunds = baseUrl.resolve("v2/refunds");
    this.apiKey = apiKey;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Override
  public AuthorisationResult authorise(AuthorisationRequest request) {
    HttpRequest post = HttpRequest.newBuilder(authorisations)
        .timeout(timeLeft(request.deadline()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Kestrel-Key", apiKey)
        .POST(HttpRequest.BodyPublishers.ofString(FormBody.encode(fields(request))))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(post, HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException | HttpConnectTimeoutException e) {
      // No connection, so nothing was sent: the bank cannot have acted.
      return AuthorisationResult.notProcessed("cannot connect to Kestrel Bank");
    } catch (IOException e) {
      // Sent, perhaps: the bank may have charged the card. Reconciliation will ask.
      return AuthorisationResult.unknown("no answer from Kestrel Bank: " + e.getClass().getName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return AuthorisationResult.unknown("interrupted while waiting for Kestrel Bank");
    }
    return read(response);
  }

  private static Map<String, String> fields(AuthorisationRequest request) {
    Card card = request.card();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("merchant_ref", request.paymentReference());
    form.put("pan", card.number());
    form.put("cvc", card.cvv());
    form.put("exp", String.format("%02d%02d", card.expiryMonth(), card.expiryYear() % 100));
    form.put("holder", card.holderName());
    form.put("amount", Long.toString(request.amountMinor()));
    form.put("ccy", Integer.toString(request.currency().getNumericCode()));
    return form;
  }

  private static AuthorisationResult read(HttpResponse<String> response) {
    if (response.statusCode() == 401 || response.statusCode() == 400) {
      return AuthorisationResult.notProcessed(
          "Kestrel Bank refused the request (" + response.statusCode() + ")");
    }
    if (response.statusCode() != 200) {
      return AuthorisationResult.unknown("Kestrel Bank answered " + response.statusCode());
    }
    try {
      return ResponseCodes.authorisation(FormBody.decode(response.body()));
    } catch (IllegalArgumentException e) {
      return AuthorisationResult.unknown("unreadable answer from Kestrel Bank");
    }
  }

  @Override
  public StatusResult status(StatusRequest request) {
    URI uri = URI.create(authorisations + "?merchant_ref="
        + URLEncoder.encode(request.paymentReference(), StandardCharsets.UTF_8));
    HttpRequest get = HttpRequest.newBuilder(uri)
        .timeout(timeLeft(request.deadline()))
        .header("X-Kestrel-Key", apiKey)
        .GET()
        .build();
    try {
      HttpResponse<String> response = http.send(get, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 404) {
        return StatusResult.notFound();
      }
      if (response.statusCode() != 200) {
        return StatusResult.unknown("Kestrel Bank answered " + response.statusCode());
      }
      return ResponseCodes.status(FormBody.decode(response.body()));
    } catch (IOException | IllegalArgumentException e) {
      return StatusResult.unknown("the look-up failed: " + e.getClass().getName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return StatusResult.unknown("interrupted while waiting for Kestrel Bank");
    }
  }

  @Override
  public Set<Operation> supportedOperations() {
    return EnumSet.of(Operation.AUTHORISE, Operation.CAPTURE, Operation.REFUND);
  }

  @Override
  public OperationResult capture(CaptureRequest request) {
    return send(captures, request, ResponseCodes.CAPTURE_REFUSALS);
  }

  @Override
  public OperationResult refund(RefundRequest request) {
    return send(refunds, request, ResponseCodes.REFUND_REFUSALS);
  }

  /** POSTs a capture or refund: the same form and the same answers for both. */
  private OperationResult send(URI uri, OperationRequest request, Map<String, String> refusals) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("merchant_ref", request.operationReference());
    form.put("original_ref", request.paymentReference());
    form.put("amount", Long.toString(request.amountMinor()));
    form.put("ccy", Integer.toString(request.currency().getNumericCode()));
    HttpRequest post = HttpRequest.newBuilder(uri)
        .timeout(timeLeft(request.deadline()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Kestrel-Key", apiKey)
        .POST(HttpRequest.BodyPublishers.ofString(FormBody.encode(form)))
        .build();
    try {
      HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 401 || response.statusCode() == 400) {
        return OperationResult.notProcessed(
            "Kestrel Bank refused the request (" + response.statusCode() + ")");
      }
      if (response.statusCode() != 200) {
        return OperationResult.unknown("Kestrel Bank answered " + response.statusCode());
      }
      return ResponseCodes.operation(FormBody.decode(response.body()), refusals);
    } catch (ConnectException | HttpConnectTimeoutException e) {
      return OperationResult.notProcessed("cannot connect to Kestrel Bank");
    } catch (IOException | IllegalArgumentException e) {
      // Sent, perhaps: the bank may have acted. The gateway will look the operation up.
      return OperationResult.unknown("no answer from Kestrel Bank: " + e.getClass().getName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OperationResult.unknown("interrupted while waiting for Kestrel Bank");
    }
  }

  @Override
  public OperationResult operationStatus(OperationRequest request) {
    URI base;
    Map<String, String> refusals;
    if (request.operation() == Operation.CAPTURE) {
      base = captures;
      refusals = ResponseCodes.CAPTURE_REFUSALS;
    } else if (request.operation() == Operation.REFUND) {
      base = refunds;
      refusals = ResponseCodes.REFUND_REFUSALS;
    } else {
      return OperationResult.unknown("Kestrel Bank only captures and refunds");
    }
    URI uri = URI.create(base + "?merchant_ref="
        + URLEncoder.encode(request.operationReference(), StandardCharsets.UTF_8));
    HttpRequest get = HttpRequest.newBuilder(uri)
        .timeout(timeLeft(request.deadline()))
        .header("X-Kestrel-Key", apiKey)
        .GET()
        .build();
    try {
      HttpResponse<String> response = http.send(get, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 404) {
        return OperationResult.notProcessed("Kestrel Bank holds no such operation");
      }
      if (response.statusCode() != 200) {
        return OperationResult.unknown("Kestrel Bank answered " + response.statusCode());
      }
      return ResponseCodes.operation(FormBody.decode(response.body()), refusals);
    } catch (IOException | IllegalArgumentException e) {
      return OperationResult.unknown("the look-up failed: " + e.getClass().getName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OperationResult.unknown("interrupted while waiting for Kestrel Bank");
    }
  }

  /** The configured timeout, cut short by the gateway's deadline; at least a millisecond. */
  private Duration timeLeft(Instant deadline) {
    Duration left = Duration.between(Instant.now(), deadline);
    Duration wait = left.compareTo(timeout) < 0 ? left : timeout;
    return wait.toMillis() < 1 ? Duration.ofMillis(1) : wait;
  }

  @Override
  public String toString() {
    return "KestrelBankAcquirer{" + authorisations + "}"; // never the API key
  }
}

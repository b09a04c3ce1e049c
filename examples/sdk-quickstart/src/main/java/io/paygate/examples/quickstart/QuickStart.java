package io.paygate.examples.quickstart;

import io.paygate.sdk.InvalidRequestException;
import io.paygate.sdk.Money;
import io.paygate.sdk.PaygateClient;
import io.paygate.sdk.PaygateException;
import io.paygate.sdk.Payment;
import io.paygate.sdk.PaymentRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The Paygate Java SDK in one page: log in, take an authorised and a declined payment, list the
 * history, fetch one payment again.
 *
 * <p>Run it against a gateway started with {@code ./run.sh}:
 *
 * <pre>
 * java -jar examples/sdk-quickstart/target/sdk-quickstart.jar
 * </pre>
 *
 * <p>Settings, as {@code --name value} arguments or environment variables:
 * <ul>
 *   <li>{@code --url} / {@code PAYGATE_URL}: the gateway, default {@code http://localhost:8080};
 *   <li>{@code --login} and {@code --password} / {@code PAYGATE_LOGIN} and
 *       {@code PAYGATE_PASSWORD}: an existing merchant; or else
 *   <li>{@code --operator-key} / {@code PAYGATE_OPERATOR_KEY}: the operator key, default the
 *       contents of {@code data/operator.key}, to create a new merchant first.
 * </ul>
 */
public final class QuickStart {
  /** Piggy Bank, the reference bank, authorises cards whose last digit is odd... */
  static final String AUTHORISED_CARD = "4111 1111 1111 1111";
  /** ...and declines those whose last digit is even. */
  static final String DECLINED_CARD = "4000 0000 0000 0002";

  private QuickStart() {
  }

  public static void main(String[] args) {
    try {
      run(args, System.getenv(), System.out);
    } catch (IllegalArgumentException | PaygateException | IOException e) {
      System.err.println("quick start failed: " + e.getMessage());
      System.exit(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.exit(1);
    }
  }

  /** Does what {@link #main} does, with the settings from {@code args} over {@code env}. */
  public static void run(String[] args, Map<String, String> env, PrintStream out)
      throws IOException, InterruptedException {
    Map<String, String> settings = settings(args, env);
    String url = settings.getOrDefault("url", "http://localhost:8080");
    String login = settings.get("login");
    String password = settings.get("password");
    if (login == null || password == null) {
      // No merchant given: the operator creates one. The SDK is for merchants, so this step is
      // plain HTTP, as any operator tool would do it.
      login = "quickstart-" + UUID.randomUUID().toString().substring(0, 8);
      password = "quick start " + UUID.randomUUID();
      createMerchant(url, operatorKey(settings), login, password);
      out.println("Created merchant " + login);
    }

    // 1. One client for the whole application: it logs in on first use and keeps its token fresh.
    PaygateClient client = new PaygateClient.Builder()
        .baseUrl(url)
        .login(login, password)
        .build();

    // 2. Pay. A decline is a Payment with a status, not an exception.
    int expiryYear = Year.now().getValue() + 3;
    Payment authorised = client.submit(card(AUTHORISED_CARD, expiryYear, Money.of("42.50", "EUR")));
    out.println(authorised.status() + " " + authorised.amount() + ", payment " + authorised.id());
    Payment declined = client.submit(card(DECLINED_CARD, expiryYear, Money.of("10.00", "USD")));
    out.println(declined.status() + " " + declined.amount() + ", payment " + declined.id()
        + ", reason " + declined.errorCode());

    // 3. A bad request is an exception that names every bad field.
    try {
      client.submit(card("4111 1111 1111 1112", expiryYear, Money.of("100", "JPY")));
    } catch (InvalidRequestException e) {
      out.println("Refused: " + e.fieldErrors());
    }

    // 4. The history, newest first; pages are fetched as the loop goes.
    out.println("History:");
    for (Payment payment : client.history(10)) {
      out.println("  " + payment.id() + " " + payment.status() + " " + payment.amount());
    }

    // 5. Any payment again, by id.
    Payment fetched = client.payment(authorised.id());
    out.println("Fetched " + fetched.id() + ": " + fetched.status() + ", card "
        + fetched.cardNumber());
  }

  private static PaymentRequest card(String number, int expiryYear, Money amount) {
    return new PaymentRequest.Builder()
        .amount(amount)
        .cardNumber(number).cvv("123")
        .expiryMonth(12).expiryYear(expiryYear)
        .cardHolderName("Santa Claus")
        .build();
  }

  private static void createMerchant(String url, String operatorKey, String login, String password)
      throws IOException, InterruptedException {
    String body = "{\"login\":\"" + login + "\",\"name\":\"Quick start shop\",\"password\":\""
        + password + "\",\"acquiringbank\":\"PiggyBank\"}";
    HttpRequest request = HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + "/createuser"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + operatorKey)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<String> response = HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IOException("creating the merchant failed: HTTP " + response.statusCode() + " "
          + response.body());
    }
  }

  private static String operatorKey(Map<String, String> settings) throws IOException {
    String key = settings.get("operator-key");
    if (key != null) return key;
    Path file = Path.of("data", "operator.key");
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("give a merchant (--login and --password, or PAYGATE_LOGIN"
          + " and PAYGATE_PASSWORD) or the operator key (--operator-key, PAYGATE_OPERATOR_KEY, or"
          + " run from the folder holding data/operator.key)");
    }
    return Files.readString(file).trim();
  }

  /** {@code --name value} arguments over {@code PAYGATE_NAME} environment variables. */
  private static Map<String, String> settings(String[] args, Map<String, String> env) {
    List<String> names = List.of("url", "login", "password", "operator-key");
    Map<String, String> settings = new HashMap<>();
    for (String name : names) {
      String value = env.get("PAYGATE_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
      if (value != null && !value.isEmpty()) settings.put(name, value);
    }
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i].startsWith("--") ? args[i].substring(2) : "";
      if (!names.contains(name) || i + 1 == args.length) {
        throw new IllegalArgumentException("expected --name value with a name of " + names
            + ", got: " + String.join(" ", args));
      }
      settings.put(name, args[i + 1]);
    }
    return settings;
  }
}

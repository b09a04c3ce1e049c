package io.paygate.gateway.resources;

import io.paygate.gateway.api.JsonWritable;
import io.paygate.gateway.api.PaymentJson;
import io.paygate.gateway.auth.AuthenticatedMerchant;
import io.paygate.gateway.auth.MerchantAuthenticator;
import io.paygate.gateway.core.Merchant;
import io.paygate.gateway.core.OperationStatus;
import io.paygate.gateway.core.PaymentStatus;
import io.paygate.gateway.db.MerchantRepository;
import io.paygate.gateway.errors.BearerChallengeException;
import io.paygate.gateway.errors.ValidationException;
import io.paygate.gateway.http.AccessLog;
import io.paygate.gateway.http.JsonBodyLimit;
import io.paygate.gateway.http.ProblemAnswer;
import io.paygate.gateway.http.ProblemAnswers;
import io.paygate.gateway.http.ServerTiming;
import io.paygate.gateway.limits.MerchantRateLimit;
import io.paygate.gateway.metrics.ProblemMetrics;
import io.paygate.gateway.payments.PaymentRequest;
import io.paygate.gateway.payments.PaymentService;
import io.paygate.gateway.payments.ProcessedPayment;
import io.paygate.gateway.validation.CaptureField;
import io.paygate.gateway.validation.PaymentRequestValidator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.QuotedQualityCSV;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /api/process}: take a payment, served by a plain Jetty handler in front of Jersey.
 * Payments are the hot path, and Jersey's per-request machinery (routing, injection, provider
 * look-ups, filters) cost about a quarter of a payment's CPU (BENCHMARKS.md). Every other request
 * is left to Jersey.
 *
 * <p>The answers are those Jersey gave, in the same order of checks: a {@code Content-Type} that
 * is not JSON (415) and an {@code Accept} without JSON (406) first, then the access token (401),
 * the merchant's rate limit (429), a missing {@code Content-Type} (415), the body (413, 400), the
 * {@code Idempotency-Key} (400), and the payment. The checks themselves are the classes Jersey's
 * filters and readers use. Other methods on the path get Jersey's 405 (or its answer to
 * {@code OPTIONS}).
 *
 * <p>Blocking: the payment waits for the bank and the group commit on the request's thread. The
 * answer goes out in one write with a {@code Content-Length}, and that write completes the
 * exchange's callback, whether it succeeds or fails (a client that hung up), exactly once.
 */
public final class PaymentEndpoint extends Handler.Abstract {
  /** The route this handler serves, as the API document names it. */
  public static final String ROUTE = "POST /api/process";
  static final String PATH = "/api/process";
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  /** The outcome of the capture a {@code "capture": true} request asked for. */
  static final String CAPTURE_STATUS = "Capture-Status";
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
  private static final List<String> ALLOWED = List.of("POST", "OPTIONS");
  private static final String JSON = "application/json";

  private final PaymentService payments;
  private final PaymentRequestValidator validator;
  private final MerchantRepository merchants;
  private final MerchantAuthenticator authenticator;
  private final MerchantRateLimit rateLimit;
  private final JsonBodyLimit bodies;
  private final ProblemAnswers problems;
  private final ProblemMetrics problemMetrics;

  public PaymentEndpoint(PaymentService payments, PaymentRequestValidator validator,
      MerchantRepository merchants, MerchantAuthenticator authenticator,
      MerchantRateLimit rateLimit, JsonBodyLimit bodies, ProblemAnswers problems,
      ProblemMetrics problemMetrics) {
    this.payments = payments;
    this.validator = validator;
    this.merchants = merchants;
    this.authenticator = authenticator;
    this.rateLimit = rateLimit;
    this.bodies = bodies;
    this.problems = problems;
    this.problemMetrics = problemMetrics;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    if (!isPaymentPath(Request.getPathInContext(request))) {
      return false;
    }
    AccessLog.route(PATH);
    String method = request.getMethod();
    Answer answer;
    if (HttpMethod.POST.is(method)) {
      try {
        answer = pay(request);
      } catch (Throwable e) {
        answer = Answer.of(problems.of(e));
      }
    } else if (HttpMethod.OPTIONS.is(method)) {
      // What Jersey answers to OPTIONS on a resource of its own.
      answer = new Answer(200, "text/plain", Map.of("Allow", String.join(",", ALLOWED)),
          String.join(", ", ALLOWED).getBytes(StandardCharsets.UTF_8));
    } else {
      answer = Answer.of(problems.methodNotAllowed(ALLOWED));
      if (HttpMethod.HEAD.is(method)) {
        answer = new Answer(answer.status(), answer.contentType(), answer.headers(), new byte[0],
            answer.problemType());
      }
    }
    if (answer.status() >= 400) {
      problemMetrics.answered(PATH, method, answer.status(), answer.problemType());
    }
    send(answer, response, callback);
    return true;
  }

  /** {@code /api/process}, also with a trailing slash, as Jersey matched it. */
  private static boolean isPaymentPath(String path) {
    return path != null && path.startsWith(PATH)
        && (path.length() == PATH.length()
            || (path.length() == PATH.length() + 1 && path.charAt(PATH.length()) == '/'));
  }

  private Answer pay(Request request) {
    HttpFields headers = request.getHeaders();
    String contentType = headers.get(HttpHeader.CONTENT_TYPE);
    if (contentType != null) {
      MediaRange type = MediaRange.parse(contentType);
      if (type == null) {
        return Answer.of(problems.answer(400, "bad-request", "Bad request",
            "the Content-Type header is not a media type"));
      }
      if (!type.includesJson()) {
        return Answer.of(problems.unsupportedMediaType());
      }
    }
    if (!acceptsJson(headers.getValuesList(HttpHeader.ACCEPT))) {
      return Answer.of(problems.notAcceptable());
    }
    AuthenticatedMerchant who = authenticator.authenticate(headers.get(HttpHeader.AUTHORIZATION));
    rateLimit.admit(who, "POST");
    if (contentType == null) {
      // Jersey let a body without a type through to the filters, then found no reader for it.
      return Answer.of(problems.unsupportedMediaType());
    }
    Map<String, Object> body = bodies.readObject(Content.Source.asInputStream(request));
    String key = headers.get(IDEMPOTENCY_KEY);
    if (key != null && !KEY.matcher(key).matches()) {
      throw ValidationException.of(IDEMPOTENCY_KEY,
          "must be 1 to 255 printable ASCII characters without spaces");
    }
    Merchant merchant = merchants.findRecent(who.merchantId())
        .orElseThrow(() -> BearerChallengeException.invalidToken(
            "the merchant of this token no longer exists"));
    // Parsed here, once, into what the service takes; the field errors are the validator's.
    PaymentRequest payment = new PaymentRequest(validator.validate(body), CaptureField.of(body));
    ProcessedPayment result = payments.process(merchant, payment, key);
    // With "capture": true, an unknown capture is as unfinished as an unknown authorisation.
    int status = result.payment().status() == PaymentStatus.Unknown
        || result.capture() == OperationStatus.Unknown ? 202 : 201;
    Map<String, String> answerHeaders = new LinkedHashMap<>();
    answerHeaders.put("Location", "/api/history/" + result.payment().id());
    if (result.replayed()) {
      answerHeaders.put("Idempotent-Replayed", "true");
    }
    if (result.capture() != null) {
      answerHeaders.put(CAPTURE_STATUS, result.capture().name());
    }
    String timing = ServerTiming.of(result.bankTimes());
    if (timing != null) {
      answerHeaders.put(ServerTiming.HEADER, timing);
    }
    return new Answer(status, JSON, answerHeaders, json(new PaymentJson(result.payment())));
  }

  /**
   * Whether an {@code Accept} header takes JSON: absent or empty takes anything; otherwise Jetty's
   * {@link QuotedQualityCSV} splits it and drops the ranges refused with {@code q=0} (or an
   * unreadable q), and JSON must be among what remains. A range that is no media range makes the
   * whole header unusable (406), as Jersey answers on the other resources.
   */
  private static boolean acceptsJson(List<String> accept) {
    if (accept.isEmpty()) {
      return true;
    }
    QuotedQualityCSV ranges = new QuotedQualityCSV();
    boolean given = false;
    for (String value : accept) {
      ranges.addValue(value);
      given |= !value.replace(',', ' ').isBlank();
    }
    if (!given) {
      return true;
    }
    boolean json = false;
    for (String range : ranges.getValues()) {
      MediaRange type = MediaRange.parse(range);
      if (type == null) {
        return false;
      }
      json |= type.includesJson();
    }
    return json;
  }

  /** Writes the answer in one go; the write completes the callback, however it ends. */
  private static void send(Answer answer, Response response, Callback callback) {
    response.setStatus(answer.status());
    HttpFields.Mutable out = response.getHeaders();
    answer.headers().forEach(out::put);
    out.put(HttpHeader.CONTENT_TYPE, answer.contentType());
    out.put(HttpHeader.CONTENT_LENGTH, answer.body().length);
    response.write(true, ByteBuffer.wrap(answer.body()), callback);
  }

  private static byte[] json(JsonWritable body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try {
      body.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return out.toByteArray();
  }

  /** An answer, ready to write; {@code problemType} is set on problem answers only. */
  private record Answer(int status, String contentType, Map<String, String> headers, byte[] body,
      String problemType) {
    Answer(int status, String contentType, Map<String, String> headers, byte[] body) {
      this(status, contentType, headers, body, null);
    }

    static Answer of(ProblemAnswer problem) {
      return new Answer(problem.status(), "application/problem+json", problem.headers(),
          json(problem.problem()), problem.problem().type());
    }
  }

  /** A media type or range ({@code type/subtype}, parameters ignored), as JAX-RS compares them. */
  private record MediaRange(String type, String subtype) {
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** The media range, or null when the text is not one. */
    static MediaRange parse(String text) {
      int semicolon = text.indexOf(';');
      String bare = (semicolon < 0 ? text : text.substring(0, semicolon)).trim();
      int slash = bare.indexOf('/');
      if (slash < 0) {
        return null;
      }
      String type = bare.substring(0, slash).trim();
      String subtype = bare.substring(slash + 1).trim();
      if (!TOKEN.matcher(type).matches() || !TOKEN.matcher(subtype).matches()) {
        return null;
      }
      return new MediaRange(type, subtype);
    }

    /** JAX-RS's {@code isCompatible} with {@code application/json}. */
    boolean includesJson() {
      return type.equals("*") || (type.equalsIgnoreCase("application")
          && (subtype.equals("*") || subtype.equalsIgnoreCase("json")));
    }
  }
}

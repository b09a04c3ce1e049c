package io.paygate.gateway.http;

import io.paygate.gateway.errors.FieldError;
import io.paygate.gateway.api.ProblemJson;
import io.paygate.gateway.audit.AuditLog;
import io.paygate.gateway.errors.ApiException;
import io.paygate.gateway.errors.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Turns every error into its problem+json answer, the same whether Jersey ({@link
 * ExceptionMappers}) or the plain Jetty payment endpoint sends it. Every answer made here is also
 * audited: event {@code error}, the status and the problem type, never the request's content.
 * The request id comes from the logging context, as does the merchant when one is known.
 */
public final class ProblemAnswers {
  private static final Logger log = LoggerFactory.getLogger(ProblemAnswers.class);

  private final AuditLog audit;

  public ProblemAnswers(AuditLog audit) {
    this.audit = audit;
  }

  /** The answer to an exception thrown while serving a request; anything unexpected is a 500. */
  public ProblemAnswer of(Throwable e) {
    if (e instanceof ApiException api) {
      return answer(api.status(), api.type(), api.title(), api.getMessage(), null,
          api.headers(), api.extensions());
    }
    if (e instanceof ValidationException invalid) {
      String detail = invalid.errors().size() == 1
          ? "1 field is invalid" : invalid.errors().size() + " fields are invalid";
      return answer(400, "validation-error", "Invalid request", detail, invalid.errors(),
          Map.of());
    }
    return internalError(e);
  }

  /** 500: our fault. Logged in full; the answer has no details. */
  public ProblemAnswer internalError(Throwable e) {
    log.error("request failed", e);
    return answer(500, "internal-error", "Internal error",
        "the gateway failed to process the request; quote the request id to the operator");
  }

  /** 405, with the methods the resource takes in {@code Allow}. */
  public ProblemAnswer methodNotAllowed(List<String> allowed) {
    return answer(405, "method-not-allowed", "Method not allowed",
        "this method is not allowed here; allowed: " + allowed, null,
        Map.of("Allow", String.join(", ", allowed)));
  }

  /** 415: the body is not declared as JSON. */
  public ProblemAnswer unsupportedMediaType() {
    return answer(415, "unsupported-media-type", "Unsupported media type",
        "the body must be application/json");
  }

  /** 406: the client does not accept JSON. */
  public ProblemAnswer notAcceptable() {
    return answer(406, "not-acceptable", "Not acceptable",
        "this resource answers application/json");
  }

  /** An answer without field errors or extra headers. */
  public ProblemAnswer answer(int status, String type, String title, String detail) {
    return answer(status, type, title, detail, null, Map.of());
  }

  private ProblemAnswer answer(int status, String type, String title, String detail,
      List<FieldError> errors, Map<String, String> headers) {
    return answer(status, type, title, detail, errors, headers, Map.of());
  }

  private ProblemAnswer answer(int status, String type, String title, String detail,
      List<FieldError> errors, Map<String, String> headers, Map<String, Object> extensions) {
    ProblemJson problem = new ProblemJson(
        status, type, title, detail, MDC.get("requestId"), errors, extensions);
    String merchant = MDC.get("merchantId");
    audit.record("error", String.valueOf(status),
        merchant == null ? null : UUID.fromString(merchant), null, type);
    return new ProblemAnswer(problem, headers);
  }
}

package io.paygate.gateway.http;

import io.paygate.gateway.api.ProblemJson;
import io.paygate.gateway.audit.AuditLog;
import io.paygate.gateway.errors.ApiException;
import io.paygate.gateway.errors.RateLimitedException;
import io.paygate.gateway.errors.ValidationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Every error becomes a problem+json answer; nothing else ever reaches the client. Every error is
 * also audited: its status and problem type, never the request's content.
 */
public final class ExceptionMappers {
  private ExceptionMappers() {}

  /** The mappers to register; each records the errors it answers in {@code audit}. */
  public static List<Object> all(AuditLog audit) {
    ErrorAudit errors = new ErrorAudit(audit);
    return List.of(new Api(errors), new Validation(errors), new Web(errors),
        new Unexpected(errors));
  }

  /** Records an error answer in the audit log: event {@code error}, the status, the type. */
  record ErrorAudit(AuditLog audit) {
    Response record(Response answer) {
      if (answer.getEntity() instanceof ProblemJson p) {
        String merchant = MDC.get("merchantId");
        audit.record("error", String.valueOf(p.status()),
            merchant == null ? null : UUID.fromString(merchant), null, p.type());
      }
      return answer;
    }
  }

  record Api(ErrorAudit audit) implements ExceptionMapper<ApiException> {
    @Override
    public Response toResponse(ApiException e) {
      Response problem = ProblemResponses.of(e.status(), e.type(), e.title(), e.getMessage(), null);
      if (e instanceof RateLimitedException limited) {
        problem = Response.fromResponse(problem)
            .header("Retry-After", limited.retryAfterSeconds()).build();
      }
      return audit.record(problem);
    }
  }

  record Validation(ErrorAudit audit) implements ExceptionMapper<ValidationException> {
    @Override
    public Response toResponse(ValidationException e) {
      String detail = e.errors().size() == 1
          ? "1 field is invalid" : e.errors().size() + " fields are invalid";
      return audit.record(
          ProblemResponses.of(400, "validation-error", "Invalid request", detail, e.errors()));
    }
  }

  /** Errors Jersey raises itself: no route, wrong method, wrong content type. */
  record Web(ErrorAudit audit) implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      return audit.record(problem(e));
    }

    private static Response problem(WebApplicationException e) {
      int status = e.getResponse().getStatus();
      Response problem;
      if (e instanceof NotFoundException) {
        problem = ProblemResponses.of(404, "not-found", "Not found", "no such resource", null);
      } else if (e instanceof NotAllowedException) {
        problem = ProblemResponses.of(405, "method-not-allowed", "Method not allowed",
            "this method is not allowed here; allowed: " + e.getResponse().getAllowedMethods(),
            null);
        return Response.fromResponse(problem)
            .header(HttpHeaders.ALLOW, String.join(", ", e.getResponse().getAllowedMethods()))
            .build();
      } else if (e instanceof NotSupportedException) {
        problem = ProblemResponses.of(415, "unsupported-media-type", "Unsupported media type",
            "the body must be application/json", null);
      } else if (e instanceof NotAcceptableException) {
        problem = ProblemResponses.of(406, "not-acceptable", "Not acceptable",
            "this resource answers application/json", null);
      } else if (status == 413) {
        problem = ProblemResponses.of(413, "payload-too-large", "Payload too large",
            "the request body is too large", null);
      } else if (status >= 500) {
        LoggerFactory.getLogger(Web.class).error("request failed", e);
        problem = ProblemResponses.of(500, "internal-error", "Internal error",
            "the gateway failed to process the request; quote the request id to the operator",
            null);
      } else {
        problem = ProblemResponses.of(status, "bad-request", "Bad request",
            "the request was not understood", null);
      }
      return problem;
    }
  }

  /** Anything else is our fault: log it in full, answer without details. */
  record Unexpected(ErrorAudit audit) implements ExceptionMapper<Throwable> {
    private static final Logger log = LoggerFactory.getLogger(Unexpected.class);

    @Override
    public Response toResponse(Throwable e) {
      log.error("request failed", e);
      return audit.record(ProblemResponses.of(500, "internal-error", "Internal error",
          "the gateway failed to process the request; quote the request id to the operator",
          null));
    }
  }
}

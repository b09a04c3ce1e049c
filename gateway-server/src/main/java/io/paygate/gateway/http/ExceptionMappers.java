package io.paygate.gateway.http;

import io.paygate.gateway.errors.ApiException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every error becomes a problem+json answer; nothing else ever reaches the client. */
public final class ExceptionMappers {
  private ExceptionMappers() {}

  /** The mappers to register. */
  public static List<Object> all() {
    return List.of(new Api(), new Validation(), new Web(), new Unexpected());
  }

  static final class Api implements ExceptionMapper<ApiException> {
    @Override
    public Response toResponse(ApiException e) {
      return ProblemResponses.of(e.status(), e.type(), e.title(), e.getMessage(), null);
    }
  }

  static final class Validation implements ExceptionMapper<ValidationException> {
    @Override
    public Response toResponse(ValidationException e) {
      String detail = e.errors().size() == 1
          ? "1 field is invalid" : e.errors().size() + " fields are invalid";
      return ProblemResponses.of(400, "validation-error", "Invalid request", detail, e.errors());
    }
  }

  /** Errors Jersey raises itself: no route, wrong method, wrong content type. */
  static final class Web implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
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
  static final class Unexpected implements ExceptionMapper<Throwable> {
    private static final Logger log = LoggerFactory.getLogger(Unexpected.class);

    @Override
    public Response toResponse(Throwable e) {
      log.error("request failed", e);
      return ProblemResponses.of(500, "internal-error", "Internal error",
          "the gateway failed to process the request; quote the request id to the operator", null);
    }
  }
}

package io.paygate.gateway.http;

import io.paygate.gateway.api.FieldError;
import io.paygate.gateway.api.ProblemJson;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.slf4j.MDC;

/** Builds problem+json responses. */
final class ProblemResponses {
  private ProblemResponses() {}

  static Response of(int status, String type, String title, String detail, List<FieldError> errors) {
    return Response.status(status)
        .type(ProblemJson.MEDIA_TYPE)
        .entity(new ProblemJson(status, type, title, detail, MDC.get("requestId"), errors))
        .build();
  }
}

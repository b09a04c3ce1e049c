package io.paygate.gateway.http;

import io.paygate.gateway.api.ProblemJson;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;

/**
 * Every error Jersey meets becomes a problem+json answer ({@link ProblemAnswers}, which also
 * audits it); nothing else ever reaches the client.
 */
public final class ExceptionMappers {
  private ExceptionMappers() {}

  /** The mappers to register; each answers, and audits, through {@code answers}. */
  public static List<Object> all(ProblemAnswers answers) {
    return List.of(new Web(answers), new Any(answers));
  }

  /** The JAX-RS answer of a problem. */
  static Response response(ProblemAnswer answer) {
    Response.ResponseBuilder r = Response.status(answer.status())
        .type(ProblemJson.MEDIA_TYPE)
        .entity(answer.problem());
    answer.headers().forEach(r::header);
    return r.build();
  }

  /** Errors Jersey raises itself: no route, wrong method, wrong content type. */
  record Web(ProblemAnswers answers) implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      return response(problem(e));
    }

    private ProblemAnswer problem(WebApplicationException e) {
      int status = e.getResponse().getStatus();
      if (e instanceof NotFoundException) {
        return answers.answer(404, "not-found", "Not found", "no such resource");
      } else if (e instanceof NotAllowedException) {
        return answers.methodNotAllowed(List.copyOf(e.getResponse().getAllowedMethods()));
      } else if (e instanceof NotSupportedException) {
        return answers.unsupportedMediaType();
      } else if (e instanceof NotAcceptableException) {
        return answers.notAcceptable();
      } else if (status == 413) {
        return answers.answer(413, "payload-too-large", "Payload too large",
            "the request body is too large");
      } else if (status >= 500) {
        return answers.internalError(e);
      }
      return answers.answer(status, "bad-request", "Bad request", "the request was not understood");
    }
  }

  /** Our own errors ({@code ApiException}, {@code ValidationException}) and anything else. */
  record Any(ProblemAnswers answers) implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable e) {
      return response(answers.of(e));
    }
  }
}

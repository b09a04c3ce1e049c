package io.paygate.gateway.http;

import io.paygate.gateway.api.ProblemJson;
import java.util.Map;

/**
 * An error answer, whoever sends it: the problem document, and the headers that go with it
 * ({@code Retry-After} on a 429, {@code Allow} on a 405).
 */
public record ProblemAnswer(ProblemJson problem, Map<String, String> headers) {
  public ProblemAnswer {
    headers = Map.copyOf(headers);
  }

  public int status() {
    return problem.status();
  }
}

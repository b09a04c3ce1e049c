package io.paygate.sdk;

import io.paygate.sdk.internal.Deadline;
import java.time.Duration;
import okhttp3.Request;

/**
 * Travels with each OkHttp request as a tag, so that the interceptors and the authenticator know
 * which attempt they serve and how long they may take.
 */
final class Attempt {
  final int number;
  final Deadline deadline;

  Attempt(int number, Deadline deadline) {
    this.number = number;
    this.deadline = deadline;
  }

  static Attempt of(Request request) {
    Attempt attempt = request.tag(Attempt.class);
    // Only our own requests go through our clients; this is a fallback, not a path.
    return attempt != null ? attempt : new Attempt(1, Deadline.after(Duration.ofMinutes(1)));
  }
}

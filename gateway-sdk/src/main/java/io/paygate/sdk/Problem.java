package io.paygate.sdk;

import java.util.List;
import org.jetbrains.annotations.Nullable;

/** An {@code application/problem+json} body (RFC 9457), as far as the SDK reads it. */
final class Problem {
  static final Problem NONE = new Problem(null, null, null, null, List.of());

  final @Nullable String type;
  final @Nullable String title;
  final @Nullable String detail;
  final @Nullable String requestId;
  final List<FieldError> errors;

  Problem(@Nullable String type, @Nullable String title, @Nullable String detail,
      @Nullable String requestId, List<FieldError> errors) {
    this.type = type;
    this.title = title;
    this.detail = detail;
    this.requestId = requestId;
    this.errors = errors;
  }

  /** The last segment of the type URI: {@code validation-error}. */
  @Nullable String typeSuffix() {
    if (type == null) return null;
    int slash = type.lastIndexOf('/');
    return slash >= 0 ? type.substring(slash + 1) : type;
  }
}

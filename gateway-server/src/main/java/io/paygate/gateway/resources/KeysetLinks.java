package io.paygate.gateway.resources;

import io.paygate.gateway.db.HistoryCursor;
import io.paygate.gateway.errors.ApiException;
import io.paygate.gateway.errors.ValidationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keyset pages of the operator's lists, as the payment history pages: {@code limit} and an opaque
 * {@code cursor} in, the next page announced in a {@code Link} header (RFC 8288) out.
 */
final class KeysetLinks {
  private KeysetLinks() {}

  /** The cursor a client sent back, or null for the first page. */
  static HistoryCursor cursor(String text) {
    if (text == null) {
      return null;
    }
    return HistoryCursor.decode(text).orElseThrow(() -> ValidationException.of(
        "cursor", "is not a cursor this gateway gave; follow the Link header as given"));
  }

  /**
   * The answer for {@code rows} (one more than {@code limit} when a next page exists), with the
   * next page's link keyed by {@code key} of its last row.
   */
  static <T> Response page(String path, List<T> rows, int limit,
      Function<List<T>, Object> body, Function<T, HistoryCursor> key) {
    boolean more = rows.size() > limit;
    List<T> page = more ? rows.subList(0, limit) : rows;
    Response.ResponseBuilder answer = Response.ok(body.apply(page));
    if (more) {
      String next = key.apply(page.get(page.size() - 1)).encode();
      answer.header("Link", "<" + path + "?limit=" + limit + "&cursor=" + next + ">; rel=\"next\"");
    }
    return answer.build();
  }

  /** A path's id; a malformed one names nothing, like an unknown one (404). */
  static UUID id(String text, String what) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("no " + what + " with this id");
    }
  }
}

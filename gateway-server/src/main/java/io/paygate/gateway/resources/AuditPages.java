package io.paygate.gateway.resources;

import io.paygate.gateway.api.AuditEventJson;
import io.paygate.gateway.core.AuditEntry;
import io.paygate.gateway.core.AuditQuery;
import io.paygate.gateway.db.AuditRepository;
import io.paygate.gateway.errors.ValidationException;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Audit pages, for the operator and for a merchant: newest first, filtered by event, outcome and
 * time, paged like the payment history (an opaque cursor in a {@code Link} header).
 */
final class AuditPages {
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final AuditRepository audit;

  AuditPages(AuditRepository audit) {
    this.audit = audit;
  }

  /** The query parameters of an audit page, as given. */
  record Params(String limit, String cursor, String event, String outcome, String from, String to) {}

  /** One page for {@code merchantId} (null: every merchant), with its Link to the next. */
  Response page(String path, Params p, UUID merchantId, String merchantParam) {
    int limit = HistoryResource.limit(p.limit());
    Long before = p.cursor() == null ? null : decode(p.cursor());
    AuditQuery query = new AuditQuery(merchantId, word("event", p.event()),
        word("outcome", p.outcome()), time("from", p.from()), time("to", p.to()), before,
        limit + 1);
    List<AuditEntry> rows = audit.page(query);
    boolean more = rows.size() > limit;
    List<AuditEntry> page = more ? rows.subList(0, limit) : rows;
    Response.ResponseBuilder answer = Response.ok(AuditEventJson.list(page));
    if (more) {
      Map<String, String> next = new LinkedHashMap<>();
      next.put("limit", String.valueOf(limit));
      next.put("merchant", merchantParam);
      next.put("event", p.event());
      next.put("outcome", p.outcome());
      next.put("from", p.from());
      next.put("to", p.to());
      next.put("cursor", encode(page.get(page.size() - 1).id()));
      String link = next.entrySet().stream().filter(e -> e.getValue() != null)
          .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
      answer.header("Link", "<" + path + "?" + link + ">; rel=\"next\"");
    }
    return answer.build();
  }

  static UUID uuid(String field, String text) {
    if (text == null) {
      return null;
    }
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw ValidationException.of(field, "must be a UUID");
    }
  }

  private static String word(String field, String text) {
    if (text != null && !WORD.matcher(text).matches()) {
      throw ValidationException.of(field, "must be 1 to 64 letters, digits, '.', '_' or '-'");
    }
    return text;
  }

  private static Instant time(String field, String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw ValidationException.of(field, "must be an ISO 8601 UTC time such as"
          + " 2026-01-31T12:00:00Z");
    }
  }

  private static String encode(long id) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(ByteBuffer.allocate(8).putLong(id).array());
  }

  private static long decode(String cursor) {
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(cursor);
      if (bytes.length == 8) {
        return ByteBuffer.wrap(bytes).getLong();
      }
    } catch (IllegalArgumentException e) {
      // the same answer as a wrong length
    }
    throw ValidationException.of("cursor",
        "is not a cursor this gateway gave; follow the Link header as given");
  }
}

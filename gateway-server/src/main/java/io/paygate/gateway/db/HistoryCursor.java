package io.paygate.gateway.db;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a history page ends: the creation time and id of its last payment. Opaque to clients
 * (URL-safe Base64 of 40 bytes), so its form can change without breaking them.
 */
public record HistoryCursor(Instant createdAt, UUID id) {

  public String encode() {
    ByteBuffer b = ByteBuffer.allocate(32);
    b.putLong(createdAt.getEpochSecond()).putLong(createdAt.getNano());
    b.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
  }

  /** Decodes a cursor; empty when it is not one of ours. */
  public static Optional<HistoryCursor> decode(String text) {
    if (text == null || text.length() > 64) {
      return Optional.empty();
    }
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(text);
      if (bytes.length != 32) {
        return Optional.empty();
      }
      ByteBuffer b = ByteBuffer.wrap(bytes);
      Instant at = Instant.ofEpochSecond(b.getLong(), b.getLong());
      return Optional.of(new HistoryCursor(at, new UUID(b.getLong(), b.getLong())));
    } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
      return Optional.empty();
    }
  }
}

package io.paygate.gateway.api;

import com.squareup.moshi.JsonWriter;
import io.paygate.gateway.core.AuditEntry;
import io.paygate.gateway.core.AuditEvent;
import java.io.IOException;
import java.util.List;

/** An audit entry on the wire; a page of them is a JSON array. */
public record AuditEventJson(AuditEntry entry) implements JsonWritable {

  /** A page of entries as a JSON array. */
  public static JsonWritable list(List<AuditEntry> entries) {
    return w -> {
      w.beginArray();
      for (AuditEntry e : entries) {
        new AuditEventJson(e).writeTo(w);
      }
      w.endArray();
    };
  }

  @Override
  public void writeTo(JsonWriter w) throws IOException {
    AuditEvent e = entry.event();
    w.beginObject();
    w.name("id").value(entry.id());
    w.name("occurredAt").value(e.at().toString());
    w.name("merchantId").value(e.merchantId() == null ? null : e.merchantId().toString());
    w.name("event").value(e.event());
    w.name("outcome").value(e.outcome());
    w.name("paymentId").value(e.paymentId() == null ? null : e.paymentId().toString());
    w.name("requestId").value(e.requestId());
    w.name("origin").value(e.origin());
    w.name("detail").value(e.detail());
    w.endObject();
  }
}

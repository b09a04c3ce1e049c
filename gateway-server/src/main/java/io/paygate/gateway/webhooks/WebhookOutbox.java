package io.paygate.gateway.webhooks;

import com.squareup.moshi.JsonWriter;
import io.paygate.gateway.core.Ids;
import io.paygate.gateway.core.Payment;
import io.paygate.gateway.core.WebhookDelivery;
import io.paygate.gateway.core.WebhookEventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import io.paygate.gateway.db.PaymentOutbox;
import io.paygate.gateway.db.WebhookDeliveryRepository;
import okio.Buffer;

/**
 * The one way to announce an event: {@link #append} writes it to the outbox on the connection of
 * the state change, inside its transaction, so that the event exists if and only if the change
 * was committed. The dispatcher delivers it later; nothing here waits for a receiver.
 *
 * <p>For an operation written through the group-commit writer, append inside the same
 * {@code Write} as the status update, then call {@link #committed()} once the write has returned
 * (the commit is done), which wakes the dispatcher:
 *
 * <pre>{@code
 * boolean changed = writer.execute(c -> {
 *   boolean updated = updateStatus(c, ...);
 *   if (updated) outbox.append(c, merchantId, new PaymentEvent(type, paymentId, at, json));
 *   return updated;
 * });
 * if (changed) outbox.committed();
 * }</pre>
 *
 * <p>A payment's outcome takes the other road, {@link #prepare}: its event is built on the request
 * thread before the transaction, and the writer thread, which every payment waits for, only
 * inserts the rows.
 */
public final class WebhookOutbox implements PaymentOutbox {
  private final WebhookSubscriptions subscriptions;
  private volatile Runnable wake = () -> { };

  public WebhookOutbox(WebhookSubscriptions subscriptions) {
    this.subscriptions = subscriptions;
  }

  /** Whether the merchant has an endpoint for this type: when not, build no event at all. */
  public boolean wants(UUID merchantId, WebhookEventType type) {
    return !subscriptions.endpointsFor(merchantId, type).isEmpty();
  }

  /**
   * Appends the event for each of the merchant's endpoints subscribed to its type, on {@code c}
   * (no commit). Does nothing, and touches no table, when none is.
   *
   * @return the event's id, or null when no endpoint wanted it
   */
  public String append(Connection c, UUID merchantId, PaymentEvent event) throws SQLException {
    Rows rows = rows(merchantId, event);
    if (rows == null) {
      return null;
    }
    rows.writeTo(c);
    return rows.eventId();
  }

  /** The payment event of {@code p}'s outcome, built now, written by the caller's transaction. */
  @Override
  public Announcement prepare(Payment p, WebhookEventType type) {
    return rows(p.merchantId(), PaymentEvents.of(type, p));
  }

  /** The event's outbox rows, one per subscribed endpoint; null when no endpoint wants it. */
  private Rows rows(UUID merchantId, PaymentEvent event) {
    List<UUID> endpoints = subscriptions.endpointsFor(merchantId, event.type());
    if (endpoints.isEmpty()) {
      return null;
    }
    String eventId = newEventId();
    String payload = payload(eventId, event);
    List<WebhookDelivery> deliveries = new ArrayList<>(endpoints.size());
    for (UUID endpointId : endpoints) {
      deliveries.add(new WebhookDelivery(Ids.newId(), eventId, event.type(), endpointId,
          merchantId, event.paymentId(), payload, event.occurredAt(), 0));
    }
    return new Rows(eventId, deliveries);
  }

  /** One event's deliveries, built and ready to insert. */
  private record Rows(String eventId, List<WebhookDelivery> deliveries) implements Announcement {
    @Override
    public void writeTo(Connection c) throws SQLException {
      for (WebhookDelivery d : deliveries) {
        WebhookDeliveryRepository.insert(c, d);
      }
    }
  }

  /** Tells the dispatcher that appended events were committed; returns at once. */
  @Override
  public void committed() {
    wake.run();
  }

  /** Set once at start-up by the dispatcher. */
  void onCommitted(Runnable wakeUp) {
    this.wake = wakeUp;
  }

  /** {@code evt_} and 32 hex digits of a time-ordered UUID. */
  static String newEventId() {
    return "evt_" + Ids.newId().toString().replace("-", "");
  }

  /** The body as sent: {@code {"id","type","createdAt","data"}}. */
  static String payload(String eventId, PaymentEvent event) {
    Buffer buffer = new Buffer();
    try (JsonWriter w = JsonWriter.of(buffer)) {
      w.setSerializeNulls(true);
      w.beginObject();
      w.name("id").value(eventId);
      w.name("type").value(event.type().wireName());
      w.name("createdAt").value(event.occurredAt().toString());
      w.name("data");
      event.data().writeTo(w);
      w.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // A Buffer does not fail.
    }
    return buffer.readUtf8();
  }
}

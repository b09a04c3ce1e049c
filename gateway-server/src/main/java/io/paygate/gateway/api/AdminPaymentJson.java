package io.paygate.gateway.api;

import com.squareup.moshi.JsonWriter;
import io.paygate.gateway.core.ManualSettlement;
import io.paygate.gateway.core.Payment;
import io.paygate.gateway.db.UnresolvedPayment;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A payment as the operator sees it: the payment resource, plus how it was settled by hand
 * ({@code settledBy}, {@code settleReason}), or why it needs attention ({@code attention},
 * {@code reconcileAttempts}).
 */
public final class AdminPaymentJson {
  private AdminPaymentJson() {}

  /** A payment and how it was settled by hand, if it was. */
  public static JsonWritable settled(Payment p, Optional<ManualSettlement> how) {
    return w -> {
      w.beginObject();
      PaymentJson.writeFields(w, p);
      w.name("settledBy").value(how.map(ManualSettlement::by).orElse(null));
      w.name("settleReason").value(how.map(ManualSettlement::reason).orElse(null));
      w.endObject();
    };
  }

  /** Payments needing attention, each with why ({@code reason}). */
  public static JsonWritable attention(List<UnresolvedPayment> payments,
      Function<Payment, String> reason) {
    return w -> {
      w.beginArray();
      for (UnresolvedPayment u : payments) {
        writeAttention(w, u, reason.apply(u.payment()));
      }
      w.endArray();
    };
  }

  private static void writeAttention(JsonWriter w, UnresolvedPayment u, String reason)
      throws IOException {
    w.beginObject();
    PaymentJson.writeFields(w, u.payment());
    w.name("attention").value(reason);
    w.name("reconcileAttempts").value(u.lookUps());
    w.endObject();
  }
}

package io.paygate.gateway.api;

import com.squareup.moshi.JsonWriter;
import io.paygate.gateway.core.MerchantLimits;
import java.io.IOException;
import java.util.UUID;

/**
 * A merchant's request limits as the operator sees them: those in force (across all nodes), the
 * merchant's own (null: the default applies) and the gateway's defaults.
 */
public final class MerchantLimitsJson implements JsonWritable {
  private final UUID merchantId;
  private final MerchantLimits own;
  private final MerchantLimits defaults;

  public MerchantLimitsJson(UUID merchantId, MerchantLimits own, MerchantLimits defaults) {
    this.merchantId = merchantId;
    this.own = own;
    this.defaults = defaults;
  }

  @Override
  public void writeTo(JsonWriter w) throws IOException {
    MerchantLimits inForce = own.orDefaults(defaults);
    w.beginObject();
    w.name("merchantId").value(merchantId.toString());
    w.name("readsPerSecond").value(inForce.readsPerSecond());
    w.name("writesPerSecond").value(inForce.writesPerSecond());
    w.name("own");
    limits(w, own);
    w.name("defaults");
    limits(w, defaults);
    w.endObject();
  }

  private static void limits(JsonWriter w, MerchantLimits l) throws IOException {
    w.beginObject();
    w.name("readsPerSecond").value(l.readsPerSecond());
    w.name("writesPerSecond").value(l.writesPerSecond());
    w.endObject();
  }
}

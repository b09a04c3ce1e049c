package io.paygate.gateway.api;

import com.squareup.moshi.JsonWriter;
import io.paygate.gateway.core.Merchant;
import java.io.IOException;

/** A merchant on the wire: never the password or its hash. */
public final class MerchantJson implements JsonWritable {
  private final Merchant m;

  public MerchantJson(Merchant merchant) {
    this.m = merchant;
  }

  @Override
  public void writeTo(JsonWriter w) throws IOException {
    w.beginObject();
    w.name("id").value(m.id().toString());
    w.name("login").value(m.login());
    w.name("name").value(m.name());
    w.name("acquiringBank").value(m.acquirer());
    // Every acquirer in the order tried; the first is acquiringBank, kept for the original clients.
    w.name("acquiringBanks").beginArray();
    for (String a : m.acquirers()) {
      w.value(a);
    }
    w.endArray();
    w.name("createdAt").value(m.createdAt().toString());
    w.endObject();
  }
}

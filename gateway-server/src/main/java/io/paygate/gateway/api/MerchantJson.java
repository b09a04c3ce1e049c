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
    w.name("createdAt").value(m.createdAt().toString());
    w.endObject();
  }
}

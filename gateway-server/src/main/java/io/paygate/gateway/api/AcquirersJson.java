package io.paygate.gateway.api;

import com.squareup.moshi.JsonWriter;
import io.paygate.gateway.acquirer.AcquirerCaller;
import io.paygate.gateway.acquirer.AcquirerRegistry;
import io.paygate.gateway.acquirer.LoadedAcquirer;
import io.paygate.gateway.acquirer.SkippedPlugin;
import java.io.IOException;
import java.nio.file.Path;

/** The operator's view of acquirer loading: what runs, where from, and what was skipped, why. */
public final class AcquirersJson implements JsonWritable {
  private final AcquirerRegistry registry;
  private final Path pluginsDir;
  private final AcquirerCaller caller;

  public AcquirersJson(AcquirerRegistry registry, Path pluginsDir, AcquirerCaller caller) {
    this.registry = registry;
    this.pluginsDir = pluginsDir;
    this.caller = caller;
  }

  @Override
  public void writeTo(JsonWriter w) throws IOException {
    w.beginObject();
    w.name("pluginsDir").value(pluginsDir.toString());
    AcquirerStatusJson.writeSimulatorWarnings(w, registry.all());
    w.name("acquirers").beginArray();
    for (LoadedAcquirer a : registry.all()) {
      w.beginObject();
      w.name("name").value(a.name());
      AcquirerStatusJson.writeFields(w, a, caller.breakerState(a.name()));
      w.name("source").value(a.source());
      w.endObject();
    }
    w.endArray();
    w.name("skipped").beginArray();
    for (SkippedPlugin s : registry.skipped()) {
      w.beginObject();
      w.name("source").value(s.source());
      w.name("reason").value(s.reason());
      w.endObject();
    }
    w.endArray();
    w.endObject();
  }
}

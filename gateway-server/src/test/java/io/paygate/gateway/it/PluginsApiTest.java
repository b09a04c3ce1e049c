package io.paygate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.PluginJarBuilder;
import io.paygate.gateway.support.TestGateway;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator sees of plug-in loading, over HTTP, on a real gateway. */
class PluginsApiTest {
  @TempDir Path dir;

  @Test
  @SuppressWarnings("unchecked")
  void readyAndTheOperatorEndpointListTheLoadedAcquirersAndTheSkippedPlugins() {
    Path plugins = dir.resolve("plugins"); // TestGateway's plugins.dir
    Path good = new PluginJarBuilder().provider("com.wren.Provider", "WrenBank", "1.0",
        "public String version() { return \"3.1.4\"; }").writeTo(plugins, "wren.jar");
    Path broken = PluginJarBuilder.writeGarbage(plugins, "broken.jar");

    try (TestGateway gw = TestGateway.start(dir, Map.of())) {
      Http.Answer ready = gw.http().get("/ready", null);
      Http.Answer admin = gw.http().get("/admin/acquirers", TestGateway.OPERATOR_KEY);
      Http.Answer anonymous = gw.http().get("/admin/acquirers", null);

      assertThat(ready.status()).isEqualTo(200);
      Map<String, Object> acquirers = (Map<String, Object>)
          ((Map<String, Object>) ready.json().get("checks")).get("acquirers");
      assertThat(acquirers).containsKeys("PiggyBank", "WrenBank");
      // A plug-in that does not say where it sends payments (SPI 1.0): destination null.
      Map<String, Object> wren = new HashMap<>(Map.of("status", "UP", "version", "3.1.4",
          "spiVersion", "1.0", "simulator", false));
      wren.put("destination", null);
      assertThat(acquirers.get("WrenBank")).isEqualTo(wren);

      assertThat(admin.status()).isEqualTo(200);
      assertThat(admin.json().get("pluginsDir")).isEqualTo(plugins.toAbsolutePath().toString());
      Map<String, Object> loaded = new HashMap<>(wren);
      loaded.put("name", "WrenBank");
      loaded.put("source", good.toString());
      assertThat((List<Object>) admin.json().get("acquirers")).contains(loaded);
      assertThat((List<Object>) admin.json().get("skipped")).singleElement().satisfies(s -> {
        assertThat(s).extracting("source").isEqualTo(broken.toString());
        assertThat(s).extracting("reason").asString().contains("not a readable jar");
      });
      assertThat(anonymous.status()).isEqualTo(401);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theVersionComesFromTheJarsManifestAndAPluginMissingALibraryIsListedAsSkipped() {
    Path plugins = dir.resolve("plugins");
    // No version() override: the SPI's default reads the manifest, as a connector built with the
    // guide's pom (docs/writing-an-acquirer.md) does.
    Path versioned = new PluginJarBuilder().provider("com.ibis.Provider", "IbisBank", "1.0", "")
        .manifest("Implementation-Title", "ibis-bank-acquirer")
        .manifest("Implementation-Version", "2.7.1")
        .writeTo(plugins, "ibis.jar");
    Path bare = new PluginJarBuilder().provider("com.bare.Provider", "BareBank", "1.0", "")
        .writeTo(plugins, "bare.jar");
    Path unshaded = new PluginJarBuilder()
        .missingLibrary("lib.Client", "package lib; public final class Client {}")
        .provider("com.kite.Provider", "KiteBank", "1.0",
            "private final Object client = new lib.Client();")
        .writeTo(plugins, "kite.jar");

    try (TestGateway gw = TestGateway.start(dir, Map.of())) {
      Http.Answer admin = gw.http().get("/admin/acquirers", TestGateway.OPERATOR_KEY);

      assertThat(admin.status()).isEqualTo(200);
      List<Object> acquirers = (List<Object>) admin.json().get("acquirers");
      assertThat(acquirers).contains(sayingNothingOfWhereTheySend(Map.of("name", "IbisBank",
          "status", "UP", "version", "2.7.1", "spiVersion", "1.0", "source",
          versioned.toString())));
      assertThat(acquirers).contains(sayingNothingOfWhereTheySend(Map.of("name", "BareBank",
          "status", "UP", "version", "unknown", "spiVersion", "1.0", "source", bare.toString())));
      assertThat((List<Object>) admin.json().get("skipped")).singleElement().satisfies(s -> {
        assertThat(s).extracting("source").isEqualTo(unshaded.toString());
        assertThat(s).extracting("reason").asString().contains("lib.Client")
            .contains("shade your dependencies into the plug-in jar");
      });
    }
  }

  /** An SPI 1.0 plug-in's entry: no destination, not a simulator. */
  private static Map<String, Object> sayingNothingOfWhereTheySend(Map<String, Object> entry) {
    Map<String, Object> all = new HashMap<>(entry);
    all.put("simulator", false);
    all.put("destination", null);
    return all;
  }
}

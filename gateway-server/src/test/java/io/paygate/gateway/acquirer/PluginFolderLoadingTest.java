package io.paygate.gateway.acquirer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paygate.acquirer.spi.AuthorisationRequest;
import io.paygate.acquirer.spi.AuthorisationResult;
import io.paygate.acquirer.spi.Card;
import io.paygate.gateway.config.ConfigException;
import io.paygate.gateway.config.ConfigSource;
import io.paygate.gateway.config.GatewayConfig;
import io.paygate.gateway.support.PluginJarBuilder;
import io.paygate.gateway.support.ScriptedAcquirer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading acquirers from the plug-ins folder: plug-in jars are compiled and packed by the test
 * ({@link PluginJarBuilder}), dropped into a folder, and the registry is loaded as the gateway
 * loads it at start-up (the Piggy Bank comes from the class path beside them).
 */
class PluginFolderLoadingTest {
  @TempDir Path dir;

  private Path plugins() {
    return dir.resolve("plugins");
  }

  private AcquirerRegistry load(Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>();
    settings.put("data.dir", dir.resolve("data").toString());
    settings.put("plugins.dir", plugins().toString());
    settings.put("acquirer.piggybank.simulator", "true");
    settings.putAll(extra);
    return AcquirerRegistry.load(GatewayConfig.from(ConfigSource.of(settings)),
        getClass().getClassLoader());
  }

  /** A plug-in bundling its own copy of library class {@code lib.Greeting} at {@code version}. */
  private Path pluginWithLibrary(String name, String libraryVersion) {
    return new PluginJarBuilder()
        .source("lib.Greeting", "package lib; public final class Greeting {"
            + " public static String version() { return \"" + libraryVersion + "\"; } }")
        .provider("com." + name.toLowerCase() + ".Provider", name, "1.0",
            "public String version() {\n"
            + "  boolean seesGatewayLibraries;\n"
            + "  try { Class.forName(\"com.squareup.moshi.Moshi\"); seesGatewayLibraries = true; }\n"
            + "  catch (ClassNotFoundException e) { seesGatewayLibraries = false; }\n"
            + "  return \"lib-\" + lib.Greeting.version() + (seesGatewayLibraries ? \"+moshi\" : \"\");\n"
            + "}")
        .writeTo(plugins(), name.toLowerCase() + ".jar");
  }

  private static Path plain(PluginJarBuilder builder, Path folder, String name, String spi) {
    return builder.provider("com." + name.toLowerCase() + ".Provider", name, spi, "")
        .writeTo(folder, name.toLowerCase() + ".jar");
  }

  @Test
  void loadsEveryJarOfTheFolderEachWithItsOwnVersionOfALibrary() {
    Path alpha = pluginWithLibrary("Alpha", "1.0");
    Path beta = pluginWithLibrary("Beta", "2.0");

    try (AcquirerRegistry registry = load(Map.of())) {
      LoadedAcquirer a = registry.find("alpha").orElseThrow();
      LoadedAcquirer b = registry.find("BETA").orElseThrow();

      // Each its own Greeting, and neither sees the gateway's libraries (Moshi).
      assertThat(a.version()).isEqualTo("lib-1.0");
      assertThat(b.version()).isEqualTo("lib-2.0");
      assertThat(a.source()).isEqualTo(alpha.toString());
      assertThat(b.source()).isEqualTo(beta.toString());
      assertThat(a.spiVersion()).isEqualTo("1.0");
      assertThat(registry.find("PiggyBank")).as("the class path still counts").isPresent();
      assertThat(registry.skipped()).isEmpty();
      assertThat(a.acquirer().authorise(payment("p-1")).outcome())
          .isEqualTo(AuthorisationResult.Outcome.AUTHORISED);
    }
  }

  @Test
  void aPluginRunsWithItsOwnClassLoaderAsTheContextClassLoader() {
    new PluginJarBuilder().provider("com.context.Provider", "Context", "1.0",
        "public Acquirer create(AcquirerSettings s) {\n"
        + "  boolean atCreate = Thread.currentThread().getContextClassLoader()\n"
        + "      == getClass().getClassLoader();\n"
        + "  return new Acquirer() {\n"
        + "    public AuthorisationResult authorise(AuthorisationRequest r) {\n"
        + "      boolean atCall = Thread.currentThread().getContextClassLoader()\n"
        + "          == getClass().getClassLoader();\n"
        + "      return AuthorisationResult.authorised(atCreate + \"/\" + atCall, \"OK\");\n"
        + "    }\n"
        + "    public StatusResult status(StatusRequest r) { return StatusResult.notFound(); }\n"
        + "  };\n"
        + "}")
        .writeTo(plugins(), "context.jar");
    ClassLoader before = Thread.currentThread().getContextClassLoader();

    try (AcquirerRegistry registry = load(Map.of())) {
      AuthorisationResult result =
          registry.find("Context").orElseThrow().acquirer().authorise(payment("p-4"));

      // Libraries that look things up through the context class loader find the plug-in's own.
      assertThat(result.bankReference()).isEqualTo("true/true");
      assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }
  }

  @Test
  void aPluginLogsThroughTheGatewaysLogging() {
    new PluginJarBuilder().provider("com.logging.Provider", "Logging", "1.0",
        "public String version() {\n"
        + "  return org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName();\n"
        + "}")
        .writeTo(plugins(), "logging.jar");

    try (AcquirerRegistry registry = load(Map.of())) {
      // Logback's context, not SLF4J's no-operation fallback: the lines reach the gateway's log.
      assertThat(registry.find("Logging").orElseThrow().version())
          .isEqualTo("ch.qos.logback.classic.LoggerContext");
    }
  }

  @Test
  void aMissingFolderHoldsNoPlugins() {
    try (AcquirerRegistry registry = load(Map.of())) {
      // Only the class path's acquirers: Piggy Bank, and the test class path's scripted bank.
      assertThat(registry.all()).extracting(LoadedAcquirer::name)
          .containsExactlyInAnyOrder("PiggyBank", ScriptedAcquirer.NAME);
      assertThat(registry.skipped()).isEmpty();
    }
  }

  @Test
  void aBrokenJarIsReportedByNameAndSkippedWhileTheOthersLoad() {
    Path broken = PluginJarBuilder.writeGarbage(plugins(), "broken.jar");
    Path noProvider = new PluginJarBuilder()
        .source("util.Helper", "package util; public class Helper {}")
        .writeTo(plugins(), "helper.jar");
    Path failing = new PluginJarBuilder()
        .provider("com.failing.Provider", "Failing", "1.0",
            "public Provider() { throw new IllegalStateException(\"cannot start\"); }")
        .writeTo(plugins(), "failing.jar");
    plain(new PluginJarBuilder(), plugins(), "Good", "1.0");

    try (AcquirerRegistry registry = load(Map.of())) {
      assertThat(registry.find("Good")).isPresent();
      assertThat(registry.skipped()).hasSize(3);
      assertThat(registry.skipped()).anySatisfy(s -> {
        assertThat(s.source()).isEqualTo(broken.toString());
        assertThat(s.reason()).contains("not a readable jar");
      });
      assertThat(registry.skipped()).anySatisfy(s -> {
        assertThat(s.source()).isEqualTo(noProvider.toString());
        assertThat(s.reason()).contains("registers no acquirer");
      });
      assertThat(registry.skipped()).anySatisfy(s -> {
        assertThat(s.source()).isEqualTo(failing.toString());
        assertThat(s.reason()).contains("could not be loaded").contains("cannot start");
      });
    }
  }

  @Test
  void aPluginMissingALibraryIsSkippedNamingTheJarAndTheClassWhileTheOthersLoad() {
    // The library is used only once the acquirer is created: the provider itself loads fine.
    Path lazy = new PluginJarBuilder()
        .missingLibrary("lib.http.BankClient", "package lib.http; public final class BankClient {}")
        .provider("com.lazy.Provider", "Lazy", "1.0",
            "public Acquirer create(AcquirerSettings s) {\n"
            + "  Object client = new lib.http.BankClient();\n"
            + "  return new Acquirer() {\n"
            + "    public AuthorisationResult authorise(AuthorisationRequest r) {\n"
            + "      return AuthorisationResult.unknown(client.toString());\n"
            + "    }\n"
            + "    public StatusResult status(StatusRequest r) { return StatusResult.notFound(); }\n"
            + "  };\n"
            + "}")
        .writeTo(plugins(), "lazy.jar");
    // The provider's own class needs the library: ServiceLoader cannot even instantiate it.
    Path eager = new PluginJarBuilder()
        .missingLibrary("lib.json.Parser", "package lib.json; public final class Parser {}")
        .provider("com.eager.Provider", "Eager", "1.0",
            "private final Object parser = new lib.json.Parser();")
        .writeTo(plugins(), "eager.jar");
    plain(new PluginJarBuilder(), plugins(), "Good", "1.0");

    try (AcquirerRegistry registry = load(Map.of())) {
      assertThat(registry.find("Good")).isPresent();
      assertThat(registry.find("PiggyBank")).isPresent();
      assertThat(registry.find("Lazy")).isEmpty();
      assertThat(registry.find("Eager")).isEmpty();
      assertThat(registry.skipped()).hasSize(2);
      assertThat(registry.skipped()).anySatisfy(s -> {
        assertThat(s.source()).isEqualTo(lazy.toString());
        assertThat(s.reason()).contains("acquirer Lazy").contains("lib.http.BankClient")
            .contains("shade your dependencies into the plug-in jar");
      });
      assertThat(registry.skipped()).anySatisfy(s -> {
        assertThat(s.source()).isEqualTo(eager.toString());
        assertThat(s.reason()).contains("lib.json.Parser")
            .contains("shade your dependencies into the plug-in jar");
      });
    }
  }

  @Test
  void aPluginBuiltForAnotherSpiVersionIsReportedAndSkipped() {
    Path newerMajor = plain(new PluginJarBuilder(), plugins(), "Future", "2.0");
    Path newerMinor = plain(new PluginJarBuilder(), plugins(), "Soon", "1.9");
    plain(new PluginJarBuilder(), plugins(), "Current", "1.0");

    try (AcquirerRegistry registry = load(Map.of())) {
      assertThat(registry.find("Current")).isPresent();
      assertThat(registry.find("Future")).isEmpty();
      assertThat(registry.find("Soon")).isEmpty();
      assertThat(registry.skipped()).extracting(SkippedPlugin::toString).containsExactlyInAnyOrder(
          newerMajor + " was skipped: acquirer Future: it was built for SPI 2.0 and this gateway"
              + " runs SPI 1.1 (the major versions differ)",
          newerMinor + " was skipped: acquirer Soon: it was built for SPI 1.9, newer than this"
              + " gateway's SPI 1.1");
    }
  }

  @Test
  void twoPluginsWithOneNameStopStartUpNamingBothJars() {
    Path first = new PluginJarBuilder().provider("com.one.Provider", "Twin", "1.0", "")
        .writeTo(plugins(), "one.jar");
    Path second = new PluginJarBuilder().provider("com.two.Provider", "TWIN", "1.0", "")
        .writeTo(plugins(), "two.jar");

    assertThatThrownBy(() -> load(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("two acquirer plug-ins are named TWIN")
        .hasMessageContaining(first.toString())
        .hasMessageContaining(second.toString());
  }

  @Test
  void aPluginClashingWithTheClassPathStopsStartUpToo() {
    Path jar = new PluginJarBuilder().provider("com.fake.Provider", "PiggyBank", "1.0", "")
        .writeTo(plugins(), "fake-piggy.jar");

    assertThatThrownBy(() -> load(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("two acquirer plug-ins are named PiggyBank")
        .hasMessageContaining("piggy-acquirer")
        .hasMessageContaining(jar.toString());
  }

  private Path keyedPlugin() {
    return new PluginJarBuilder().provider("com.keyed.Provider", "Keyed", "1.0",
        "public java.util.List<Setting> settings() {\n"
        + "  return java.util.List.of(Setting.required(\"apiKey\", \"The bank's API key.\"));\n"
        + "}\n"
        + "public Acquirer create(AcquirerSettings s) {\n"
        + "  String key = s.require(\"apiKey\");\n"
        + "  return new Acquirer() {\n"
        + "    public AuthorisationResult authorise(AuthorisationRequest r) {\n"
        + "      return AuthorisationResult.authorised(key, \"OK\");\n"
        + "    }\n"
        + "    public StatusResult status(StatusRequest r) { return StatusResult.notFound(); }\n"
        + "  };\n"
        + "}")
        .writeTo(plugins(), "keyed.jar");
  }

  @Test
  void aMissingRequiredSettingStopsStartUpNamingThePluginAndTheSetting() {
    Path jar = keyedPlugin();

    assertThatThrownBy(() -> load(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("acquirer Keyed")
        .hasMessageContaining(jar.toString())
        .hasMessageContaining("setting 'apiKey' is required")
        .hasMessageContaining("acquirer.keyed.apiKey")
        .hasMessageContaining("PAYGATE_ACQUIRER_KEYED_APIKEY");
  }

  @Test
  void eachPluginGetsItsOwnSectionFromTheFileOrTheEnvironment() {
    keyedPlugin();

    try (AcquirerRegistry registry = load(Map.of("acquirer.keyed.apiKey", "from-file"))) {
      assertThat(registry.find("Keyed").orElseThrow().acquirer().authorise(payment("p-2"))
          .bankReference()).isEqualTo("from-file");
    }
    Map<String, String> env = Map.of(
        "PAYGATE_DATA_DIR", dir.resolve("data").toString(),
        "PAYGATE_PLUGINS_DIR", plugins().toString(),
        "PAYGATE_ACQUIRER_PIGGYBANK_SIMULATOR", "true",
        "PAYGATE_ACQUIRER_KEYED_APIKEY", "from-env");
    try (AcquirerRegistry registry = AcquirerRegistry.load(
        GatewayConfig.from(ConfigSource.load(null, env)), getClass().getClassLoader())) {
      assertThat(registry.find("Keyed").orElseThrow().acquirer().authorise(payment("p-3"))
          .bankReference()).isEqualTo("from-env");
    }
  }

  private static AuthorisationRequest payment(String reference) {
    return AuthorisationRequest.builder()
        .paymentReference(reference)
        .merchantId("m-1")
        .card(new Card("4111111111111111", "123", 12, 2031, "Santa Claus"))
        .amount(4250, Currency.getInstance("EUR"))
        .deadline(Instant.now().plusSeconds(5))
        .build();
  }
}

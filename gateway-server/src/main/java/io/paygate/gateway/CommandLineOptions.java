package io.paygate.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/** The gateway's command line: settings come from the environment and the file, not flags. */
@Command(name = "paygate", mixinStandardHelpOptions = true,
    versionProvider = CommandLineOptions.Version.class,
    description = {"Starts the Paygate payment gateway and runs until stopped (SIGTERM or Ctrl-C"
        + " stop it gracefully).", ""},
    footer = {"", "Settings are PAYGATE_* environment variables (PAYGATE_PORT=9090) or keys of the"
        + " configuration file (port=9090); the variables win. The file is --config FILE, else"
        + " PAYGATE_CONFIG, else paygate.properties in the working folder when it exists. An"
        + " unknown setting stops start-up. Every setting: README.md, \"Configuration\"."})
final class CommandLineOptions {
  @Option(names = "--config", paramLabel = "FILE",
      description = "A properties file of settings (also PAYGATE_CONFIG).")
  Path config;

  /** The version of the jar's manifest, or of the build when run from classes. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"Paygate " + version(), "Java " + System.getProperty("java.version")
          + " (" + System.getProperty("java.vendor") + ")"};
    }

    static String version() {
      String fromManifest = GatewayMain.class.getPackage().getImplementationVersion();
      if (fromManifest != null) {
        return fromManifest;
      }
      try (InputStream in = GatewayMain.class.getResourceAsStream("paygate-version.properties")) {
        Properties p = new Properties();
        if (in != null) {
          p.load(in);
        }
        return p.getProperty("version", "unknown");
      } catch (IOException e) {
        return "unknown";
      }
    }
  }
}

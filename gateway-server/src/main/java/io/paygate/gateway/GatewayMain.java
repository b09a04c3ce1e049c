package io.paygate.gateway;

import io.paygate.gateway.config.ConfigException;
import io.paygate.gateway.config.ConfigSource;
import io.paygate.gateway.config.EditDistance;
import io.paygate.gateway.config.GatewayConfig;
import io.paygate.gateway.logging.ConsoleLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code java -jar gateway-server.jar [--config paygate.properties] [--help] [--version]}: starts
 * the gateway and runs until stopped. The configuration file is also taken from
 * {@code PAYGATE_CONFIG}, or {@code paygate.properties} in the working folder when that exists.
 * Bad input (an unknown flag, an unknown or bad setting) exits with code 2 and a message that
 * names it.
 */
public final class GatewayMain {
  private static final int USAGE_ERROR = 2;

  private GatewayMain() {}

  public static void main(String[] args) {
    CommandLineOptions options = new CommandLineOptions();
    CommandLine cli = new CommandLine(options);
    try {
      cli.parseArgs(args);
    } catch (ParameterException e) {
      System.err.println("paygate: " + problem(cli, e));
      System.err.println("Try 'paygate --help' for the options.");
      System.exit(USAGE_ERROR);
      return;
    }
    if (cli.isUsageHelpRequested()) {
      cli.usage(System.out);
      return;
    }
    if (cli.isVersionHelpRequested()) {
      cli.printVersionHelp(System.out);
      return;
    }

    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    Gateway gateway;
    try {
      GatewayConfig config = GatewayConfig.from(ConfigSource.load(
          configFile(options.config, System.getenv()), System.getenv()));
      ConsoleLog.use(config.logFormat());
      gateway = Gateway.start(config);
    } catch (ConfigException e) {
      System.err.println("paygate: cannot start: " + e.getMessage());
      System.exit(USAGE_ERROR);
      return;
    }
    gateway.reportStopTo(line -> System.out.println("Paygate: " + line));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(gateway), "shutdown"));
    StartupBanner.print(gateway, System.out);
  }

  /** The shutdown hook (SIGTERM, Ctrl-C): says that it stops, what it waits for, how long. */
  private static void stop(Gateway gateway) {
    long start = System.nanoTime();
    System.out.println("Paygate: signal received, stopping gracefully");
    gateway.close();
    System.out.println(String.format(Locale.ROOT, "Paygate: stopped in %.1f s",
        (System.nanoTime() - start) / 1e9));
  }

  /** What is wrong with the command line, naming the closest flag for a misspelt one. */
  private static String problem(CommandLine cli, ParameterException e) {
    if (!(e instanceof UnmatchedArgumentException unmatched)
        || unmatched.getUnmatched().isEmpty()) {
      return e.getMessage();
    }
    String arg = unmatched.getUnmatched().get(0);
    String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
    if (!name.startsWith("-")) {
      return "unexpected argument '" + arg + "': settings are PAYGATE_* environment variables or"
          + " keys of the --config file";
    }
    String closest = cli.getCommandSpec().optionsMap().keySet().stream()
        .filter(o -> o.startsWith("--"))
        .min(Comparator.comparingInt(o -> EditDistance.between(name, o))).orElse("--help");
    return "unknown option '" + name + "' (did you mean " + closest + "?)";
  }

  static Path configFile(Path fromCommandLine, Map<String, String> env) {
    if (fromCommandLine != null) {
      return fromCommandLine;
    }
    if (env.containsKey("PAYGATE_CONFIG")) {
      return Path.of(env.get("PAYGATE_CONFIG"));
    }
    Path local = Path.of("paygate.properties");
    return Files.isRegularFile(local) ? local : null;
  }
}

package io.paygate.gateway;

import io.paygate.gateway.config.ConfigException;
import io.paygate.gateway.config.ConfigSource;
import io.paygate.gateway.config.GatewayConfig;
import io.paygate.gateway.logging.ConsoleLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * {@code java -jar gateway-server.jar [--config paygate.properties]}: starts the gateway and runs
 * until stopped. The configuration file is also taken from {@code PAYGATE_CONFIG}, or
 * {@code paygate.properties} in the working folder when that exists.
 */
public final class GatewayMain {
  private GatewayMain() {}

  public static void main(String[] args) {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    Gateway gateway;
    try {
      GatewayConfig config = GatewayConfig.from(ConfigSource.load(configFile(args, System.getenv()),
          System.getenv()));
      ConsoleLog.use(config.logFormat());
      gateway = Gateway.start(config);
    } catch (ConfigException e) {
      System.err.println("paygate: cannot start: " + e.getMessage());
      System.exit(2);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "shutdown"));
    System.out.println("Paygate is listening on http://localhost:" + gateway.port());
    if (gateway.operatorKeyGenerated()) {
      System.out.println();
      System.out.println("A new operator key was generated (shown only this once):");
      System.out.println();
      System.out.println("    " + gateway.operatorKey());
      System.out.println();
      System.out.println("It creates merchants (POST /createuser with Authorization: Bearer <key>)."
          + " It is kept in " + gateway.operatorKeyFile() + ", readable by its owner only;"
          + " set PAYGATE_OPERATOR_KEY to choose your own.");
    }
  }

  static Path configFile(String[] args, Map<String, String> env) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        return Path.of(args[i + 1]);
      }
      if (args[i].startsWith("--config=")) {
        return Path.of(args[i].substring("--config=".length()));
      }
    }
    if (env.containsKey("PAYGATE_CONFIG")) {
      return Path.of(env.get("PAYGATE_CONFIG"));
    }
    Path local = Path.of("paygate.properties");
    return Files.isRegularFile(local) ? local : null;
  }
}

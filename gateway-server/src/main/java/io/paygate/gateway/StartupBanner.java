package io.paygate.gateway;

import io.paygate.gateway.acquirer.LoadedAcquirer;
import io.paygate.gateway.api.AcquirerStatusJson;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What a started gateway prints for its operator: where it listens, where each acquirer sends
 * payments, a framed warning that cannot be missed when any of them is a simulator, and a
 * generated operator key (once).
 */
final class StartupBanner {
  private static final String RULE = "*".repeat(78);

  private StartupBanner() {}

  /** Breaks {@code text} into lines of at most {@code width} characters, between words. */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  static void print(Gateway gateway, PrintStream out) {
    out.println("Paygate is listening on http://localhost:" + gateway.port());
    for (LoadedAcquirer a : gateway.acquirers()) {
      out.println("  acquirer " + a.name() + " " + a.version() + ": payments go to "
          + a.describeDestination());
    }
    for (LoadedAcquirer a : gateway.acquirers()) {
      if (a.simulator()) {
        out.println();
        out.println(RULE);
        wrap("SIMULATOR: " + AcquirerStatusJson.simulatorWarning(a), RULE.length() - 4)
            .forEach(line -> out.println("*  " + line));
        out.println(RULE);
      }
    }
    if (gateway.operatorKeyGenerated()) {
      out.println();
      out.println("A new operator key was generated (shown only this once):");
      out.println();
      out.println("    " + gateway.operatorKey());
      out.println();
      out.println("It creates merchants (POST /createuser with Authorization: Bearer <key>)."
          + " It is kept in " + gateway.operatorKeyFile() + ", readable by its owner only;"
          + " set PAYGATE_OPERATOR_KEY to choose your own.");
    }
  }
}

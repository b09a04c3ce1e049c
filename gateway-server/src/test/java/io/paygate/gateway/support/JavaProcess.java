package io.paygate.gateway.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Starts a main class of the test class path as its own process and waits until it is ready. */
final class JavaProcess {
  /** A started process, the first group of its ready line, and every line it printed so far. */
  record Started(Process process, String ready, List<String> output) {}

  private JavaProcess() {}

  /**
   * Starts {@code mainClass} with {@code args} and {@code env}, and waits (at most a minute) for
   * an output line matching {@code ready}.
   */
  static Started start(String mainClass, List<String> args, Map<String, String> env,
      Pattern ready) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    // Only the test's settings: a PAYGATE_* variable of the developer's shell would be refused.
    pb.environment().keySet().removeIf(name -> name.startsWith("PAYGATE_"));
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    Process p = pb.start();
    List<String> output = new CopyOnWriteArrayList<>();
    CompletableFuture<String> match = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String name = mainClass.substring(mainClass.lastIndexOf('.') + 1);
        for (String line; (line = r.readLine()) != null; ) {
          // Into the test's output (surefire keeps it), to see what the process did.
          System.out.println("[" + name + " " + p.pid() + "] " + line);
          output.add(line);
          Matcher m = ready.matcher(line);
          if (m.find()) {
            match.complete(m.group(1));
          }
        }
      } catch (IOException e) {
        match.completeExceptionally(e);
      }
      match.completeExceptionally(new IllegalStateException(mainClass + " exited before ready"));
    }, mainClass + "-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return new Started(p, match.get(60, TimeUnit.SECONDS), output);
    } catch (Exception e) {
      p.destroyForcibly();
      throw new IOException(mainClass + " did not start", e);
    }
  }
}

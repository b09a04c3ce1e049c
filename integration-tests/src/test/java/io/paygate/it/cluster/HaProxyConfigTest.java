package io.paygate.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The HAProxy configuration an operator copies from docs/scaling.md is the one the cluster test
 * runs (docs/haproxy.cfg), and the test changes nothing of it but the ports.
 */
class HaProxyConfigTest {
  private static final Path DOCS = Path.of(System.getProperty("paygate.root"), "docs");

  @Test
  void scalingGuideShowsTheConfigurationTheTestRuns() throws Exception {
    String guide = Files.readString(DOCS.resolve("scaling.md"));
    int start = guide.indexOf("```haproxy\n");
    assertThat(start).as("a haproxy block in docs/scaling.md").isNotNegative();
    String shown = guide.substring(start + "```haproxy\n".length(), guide.indexOf("```", start + 3));

    assertThat(shown).isEqualTo(Files.readString(DOCS.resolve("haproxy.cfg")));
  }

  @Test
  void renderingChangesOnlyTheBindPortAndTheServers() throws Exception {
    String template = Files.readString(DOCS.resolve("haproxy.cfg"));

    String rendered = HaProxy.render(template, 40000, List.of(40001, 40002));

    assertThat(rendered.lines().filter(l -> l.trim().startsWith("server "))).containsExactly(
        "  server node1 127.0.0.1:40001",
        "  server node2 127.0.0.1:40002");
    assertThat(rendered).contains("  bind 127.0.0.1:40000\n").doesNotContain(":8080");
    assertThat(rendered.lines().filter(l -> !l.trim().startsWith("server ")
        && !l.trim().startsWith("bind "))).containsExactlyElementsOf(template.lines()
        .filter(l -> !l.trim().startsWith("server ") && !l.trim().startsWith("bind ")).toList());
  }
}

package io.paygate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The published APIs, the acquirer SPI (with its conformance kit) and the SDK, come with a
 * sources jar and a Javadoc jar beside the main jar, so that an IDE shows the contract. Checked
 * on what this build packaged: when the modules were only compiled (a build that stops before
 * {@code package}), there is no jar to look beside and the test does not apply.
 */
class PublishedJarsTest {
  @Test void theSpiShipsItsSourcesAndJavadoc() throws IOException {
    Path jar = packagedJar("acquirer-spi");

    assertThat(entries(sibling(jar, "sources"))).contains(
        "io/paygate/acquirer/spi/AcquirerProvider.java",
        "io/paygate/acquirer/spi/testkit/AcquirerConformanceTest.java");
    assertThat(entries(sibling(jar, "javadoc")))
        .anyMatch(e -> e.endsWith("io/paygate/acquirer/spi/AcquirerProvider.html"))
        .anyMatch(e -> e.endsWith("io/paygate/acquirer/spi/testkit/AcquirerConformanceTest.html"));
  }

  @Test void theSdkShipsItsSourcesAndTheJavadocOfItsPublicPackageOnly() throws IOException {
    Path jar = packagedJar("gateway-sdk");

    assertThat(entries(sibling(jar, "sources"))).contains("io/paygate/sdk/PaygateClient.java");
    assertThat(entries(sibling(jar, "javadoc")))
        .anyMatch(e -> e.endsWith("io/paygate/sdk/PaygateClient.html"))
        .anyMatch(e -> e.endsWith("io/paygate/sdk/IdempotencyKeyReusedException.html"))
        .noneMatch(e -> e.contains("io/paygate/sdk/internal/"));
  }

  /**
   * The module's main jar on this test's class path: {@code <module>/target/<module>-<v>.jar} once
   * packaged, its {@code target/classes} before (the test then does not apply).
   */
  private static Path packagedJar(String module) {
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (path.endsWith(Path.of(module, "target", "classes"))) {
        assumeTrue(false, module + " was not packaged in this build");
      }
      String name = path.getFileName().toString();
      if (name.startsWith(module + "-") && name.endsWith(".jar")
          && path.getParent() != null && path.getParent().endsWith(Path.of(module, "target"))) {
        return path;
      }
    }
    throw new AssertionError(module + " is not on the class path");
  }

  /** {@code x-1.0.jar} → {@code x-1.0-sources.jar}, in the same folder. */
  private static Path sibling(Path jar, String classifier) {
    String name = jar.getFileName().toString();
    Path sibling = jar.resolveSibling(name.substring(0, name.length() - ".jar".length())
        + "-" + classifier + ".jar");
    assertThat(sibling).as("the " + classifier + " jar beside " + name).exists();
    return sibling;
  }

  private static List<String> entries(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream().map(JarEntry::getName).toList();
    }
  }
}

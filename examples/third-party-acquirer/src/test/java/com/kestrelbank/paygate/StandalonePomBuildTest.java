package com.kestrelbank.paygate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paygate.acquirer.spi.AcquirerProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The complete pom of {@code docs/writing-an-acquirer.md} builds a connector outside this
 * repository: it is copied into an empty folder with the Kestrel Bank sources, and a real
 * {@code mvn -o verify} runs on it, offline, as a plug-in author's machine would. The conformance
 * kit's tests must actually run (stock Maven's old Surefire would run none and still pass), and
 * the jar must carry the manifest entries that make {@code /admin/acquirers} show its version.
 *
 * <p>The SPI is this build's own, not yet installed anywhere (the build runs {@code verify}, not
 * {@code install}, and never writes to the shared local repository). So the child build gets a
 * local repository of its own: a folder that links to every group of the real one except
 * {@code io/paygate}, where this build's SPI jar and poms are laid out as
 * {@code mvn -pl acquirer-spi -am install} would lay them out. Offline, Maven only reads the
 * linked groups. Takes about half a minute (a Maven start-up, a compile, the kit).
 */
class StandalonePomBuildTest {
  private static final Path GUIDE = Path.of("../../docs/writing-an-acquirer.md");
  private static final Path REPOSITORY_ROOT = Path.of("../..");
  private static final String VERSION = System.getProperty("paygate.version", "0.1.0-SNAPSHOT");

  @TempDir Path dir;

  @Test
  void theGuidesPomBuildsTheConnectorFromAnEmptyFolderAndRunsTheConformanceKit() throws Exception {
    Path project = Files.createDirectories(dir.resolve("kestrel-bank-acquirer"));
    Files.writeString(project.resolve("pom.xml"), wholePom(Files.readAllLines(GUIDE)));
    copyTree(Path.of("src/main"), project.resolve("src/main"));
    Path tests = Path.of("src/test/java/com/kestrelbank/paygate");
    for (String file : List.of("KestrelBankConformanceTest.java", "KestrelBankSandbox.java")) {
      copy(tests.resolve(file), project.resolve("src/test/java/com/kestrelbank/paygate/" + file));
    }
    Path repository = localRepository(dir.resolve("repository"));

    Path log = dir.resolve("build.log");
    Process build = new ProcessBuilder(mavenCommand(), "-o", "-B", "-q", "verify",
        "-Dmaven.repo.local=" + repository, "-Dpaygate.version=" + VERSION)
        .directory(project.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    assertTrue(build.waitFor(10, TimeUnit.MINUTES), "the build ends within ten minutes");
    assertEquals(0, build.exitValue(), "the guide's pom builds; its output:\n" + Files.readString(log));

    // The kit ran, every one of its tests, and passed.
    Path report = project.resolve(
        "target/surefire-reports/TEST-com.kestrelbank.paygate.KestrelBankConformanceTest.xml");
    assertTrue(Files.exists(report), "Surefire ran the conformance kit");
    String suite = Files.readString(report);
    assertTrue(count(suite, "tests") >= 10, "the kit's tests ran: " + count(suite, "tests"));
    assertEquals(0, count(suite, "failures"));
    assertEquals(0, count(suite, "errors"));
    // Skipped only: the kit's checks of operations Kestrel Bank does not declare (it captures and refunds).
    Matcher skipped = Pattern.compile(
        "<testcase name=\"(\\w+)\"[^>]*>\\s*<skipped[^>]*><!\\[CDATA\\[[^:]*: Assumption failed: the"
            + " connector does not declare (CAPTURE|VOID|CANCEL)").matcher(suite);
    int undeclared = 0;
    while (skipped.find()) {
      undeclared++;
    }
    assertEquals(undeclared, count(suite, "skipped"), "only undeclared operations are skipped");
    assertEquals(3, undeclared, "the void and cancel checks");

    // One jar to drop in: the connector, its registration, the version for operators, no SPI.
    try (JarFile jar = new JarFile(
        project.resolve("target/kestrel-bank-acquirer-1.0.0.jar").toFile())) {
      Attributes manifest = jar.getManifest().getMainAttributes();
      assertEquals("1.0.0", manifest.getValue("Implementation-Version"));
      assertEquals("Kestrel Bank acquirer for Paygate", manifest.getValue("Implementation-Title"));
      assertNotNull(jar.getEntry("META-INF/services/" + AcquirerProvider.class.getName()));
      assertNotNull(jar.getEntry("com/kestrelbank/paygate/KestrelBankProvider.class"));
      assertNull(jar.getEntry("io/paygate/acquirer/spi/AcquirerProvider.class"),
          "the SPI is provided by the gateway, never packed");
    }
  }

  /** The one fenced block of the guide that is a whole pom, as written. */
  static String wholePom(List<String> guide) {
    List<List<String>> poms = new ArrayList<>();
    List<String> block = null;
    for (String line : guide) {
      if (block == null && line.strip().equals("```xml")) {
        block = new ArrayList<>();
      } else if (block != null && line.strip().equals("```")) {
        if (GuideSnippetsTest.isWholePom(block)) {
          poms.add(block);
        }
        block = null;
      } else if (block != null) {
        block.add(line);
      }
    }
    assertEquals(1, poms.size(), "the guide has one complete pom");
    return String.join("\n", poms.get(0)) + "\n";
  }

  /**
   * A local repository that reads every group of the real one through a link, and holds this
   * build's {@code io.paygate} SPI and parent pom itself.
   */
  private static Path localRepository(Path repository) throws IOException {
    Path real = Path.of(System.getProperty("local.repository",
        System.getProperty("user.home") + "/.m2/repository")).toAbsolutePath();
    Files.createDirectories(repository.resolve("io"));
    try (Stream<Path> groups = Files.list(real)) {
      for (Path group : groups.toList()) {
        if (!group.getFileName().toString().equals("io")) {
          Files.createSymbolicLink(repository.resolve(group.getFileName().toString()), group);
        }
      }
    }
    if (Files.isDirectory(real.resolve("io"))) {
      try (Stream<Path> groups = Files.list(real.resolve("io"))) {
        for (Path group : groups.toList()) {
          if (!group.getFileName().toString().equals("paygate")) {
            Files.createSymbolicLink(repository.resolve("io").resolve(group.getFileName().toString()), group);
          }
        }
      }
    }
    Path spi = repository.resolve("io/paygate/acquirer-spi/" + VERSION);
    copy(REPOSITORY_ROOT.resolve("acquirer-spi/pom.xml"), spi.resolve("acquirer-spi-" + VERSION + ".pom"));
    spiJar(spi.resolve("acquirer-spi-" + VERSION + ".jar"));
    copy(REPOSITORY_ROOT.resolve("pom.xml"), repository.resolve(
        "io/paygate/paygate-parent/" + VERSION + "/paygate-parent-" + VERSION + ".pom"));
    return repository;
  }

  /** The SPI as this build made it: its jar, or its classes folder packed as one. */
  private static void spiJar(Path target) throws IOException {
    Path built;
    try {
      built = Path.of(AcquirerProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    if (Files.isRegularFile(built)) {
      copy(built, target);
      return;
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (OutputStream file = Files.newOutputStream(target);
        JarOutputStream jar = new JarOutputStream(file, manifest);
        Stream<Path> classes = Files.walk(built)) {
      for (Path f : classes.filter(Files::isRegularFile).sorted().toList()) {
        jar.putNextEntry(new JarEntry(built.relativize(f).toString().replace('\\', '/')));
        jar.write(Files.readAllBytes(f));
        jar.closeEntry();
      }
    }
  }

  /** The Maven running this build ({@code maven.home}, passed by the pom), else the one on the path. */
  private static String mavenCommand() {
    String home = System.getProperty("maven.home");
    if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
      return Path.of(home, "bin", "mvn").toString();
    }
    return "mvn";
  }

  private static int count(String suite, String attribute) {
    Matcher m = Pattern.compile("<testsuite [^>]*\\b" + attribute + "=\"(\\d+)\"").matcher(suite);
    assertTrue(m.find(), "the report has " + attribute);
    return Integer.parseInt(m.group(1));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        copy(f, to.resolve(from.relativize(f).toString()));
      }
    }
    assertFalse(isEmpty(to), "copied " + from);
  }

  private static boolean isEmpty(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.findAny().isEmpty();
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(from, to);
  }
}

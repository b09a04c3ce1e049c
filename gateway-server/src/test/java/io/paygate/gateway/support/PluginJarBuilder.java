package io.paygate.gateway.support;

import io.paygate.acquirer.spi.AcquirerProvider;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.slf4j.LoggerFactory;

/**
 * Builds an acquirer plug-in jar at test time: compiles Java sources against the acquirer SPI and
 * the SLF4J API (what the gateway shares with plug-ins) with the JDK's compiler, and packs the classes with a
 * {@code META-INF/services} registration, as a plug-in author's build would.
 */
public final class PluginJarBuilder {
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final Map<String, String> libraries = new LinkedHashMap<>();
  private final Map<String, String> manifest = new LinkedHashMap<>();
  private final List<String> providers = new ArrayList<>();

  /**
   * A library class the jar's classes compile against but that is left out of the jar, as a
   * dependency that was not shaded in: the plug-in fails with {@code NoClassDefFoundError} when
   * it first touches it.
   */
  public PluginJarBuilder missingLibrary(String className, String javaSource) {
    libraries.put(className, javaSource);
    return this;
  }

  /** A main attribute of the jar's manifest, such as {@code Implementation-Version}. */
  public PluginJarBuilder manifest(String name, String value) {
    manifest.put(name, value);
    return this;
  }

  /** A class of the jar: its fully qualified name and its source. */
  public PluginJarBuilder source(String className, String javaSource) {
    sources.put(className, javaSource);
    return this;
  }

  /**
   * A provider class, registered in the jar's services file: a plain provider reporting
   * {@code name} and {@code spiVersion}, whose acquirer authorises every payment.
   *
   * @param body extra members of the provider class (overrides of {@code version()},
   *     {@code settings()}, {@code create(...)})
   */
  public PluginJarBuilder provider(String className, String name, String spiVersion, String body) {
    int dot = className.lastIndexOf('.');
    String source = "package " + className.substring(0, dot) + ";\n"
        + "import io.paygate.acquirer.spi.*;\n"
        + "public final class " + className.substring(dot + 1) + " implements AcquirerProvider {\n"
        + "  public String name() { return \"" + name + "\"; }\n"
        + "  public String spiVersion() { return \"" + spiVersion + "\"; }\n"
        + (body.contains("Acquirer create(") ? "" : "  public Acquirer create(AcquirerSettings s) {\n"
            + "    return new Acquirer() {\n"
            + "      public AuthorisationResult authorise(AuthorisationRequest r) {\n"
            + "        return AuthorisationResult.authorised(\"ref-\" + r.paymentReference(), \"OK\");\n"
            + "      }\n"
            + "      public StatusResult status(StatusRequest r) { return StatusResult.notFound(); }\n"
            + "    };\n"
            + "  }\n")
        + body + "\n}\n";
    providers.add(className);
    return source(className, source);
  }

  /** Compiles the sources and writes the jar as {@code folder/fileName}. */
  public Path writeTo(Path folder, String fileName) {
    try {
      Path libraryClasses = Files.createTempDirectory("plugin-libraries");
      String classpath = locationOf(AcquirerProvider.class) + File.pathSeparator
          + locationOf(LoggerFactory.class);
      if (!libraries.isEmpty()) {
        compile(libraries, classpath, libraryClasses);
      }
      Path classes = Files.createTempDirectory("plugin-classes");
      compile(sources, classpath + File.pathSeparator + libraryClasses, classes);
      Files.createDirectories(folder);
      Path jar = folder.resolve(fileName);
      Manifest mf = new Manifest();
      mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
      manifest.forEach((name, value) -> mf.getMainAttributes().putValue(name, value));
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf);
          Stream<Path> files = Files.walk(classes)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          add(out, classes.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
        }
        if (!providers.isEmpty()) {
          add(out, "META-INF/services/" + AcquirerProvider.class.getName(),
              String.join("\n", providers).getBytes(StandardCharsets.UTF_8));
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void compile(Map<String, String> classes, String classpath, Path into)
      throws IOException {
    Path srcDir = Files.createTempDirectory("plugin-sources");
    List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none",
        "-classpath", classpath, "-d", into.toString()));
    for (Map.Entry<String, String> e : classes.entrySet()) {
      Path file = srcDir.resolve(e.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue());
      args.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac.run(null, null, System.err, args.toArray(String[]::new)) != 0) {
      throw new IllegalStateException("plug-in sources do not compile; see the test output");
    }
  }

  private static void add(JarOutputStream out, String name, byte[] bytes) throws IOException {
    out.putNextEntry(new JarEntry(name));
    out.write(bytes);
    out.closeEntry();
  }

  /** Where a class comes from: a jar, or a module's target/classes. */
  private static Path locationOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes bytes that are not a jar at all, as a truncated download would leave. */
  public static Path writeGarbage(Path folder, String fileName) {
    try {
      Files.createDirectories(folder);
      Path file = folder.resolve(fileName);
      try (OutputStream out = Files.newOutputStream(file)) {
        out.write("PK\u0003\u0004 this is not a zip archive".getBytes(StandardCharsets.UTF_8));
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

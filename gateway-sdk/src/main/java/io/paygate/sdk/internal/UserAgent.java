package io.paygate.sdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The {@code User-Agent} of every request: {@code paygate-java/0.1.0 Java/17.0.15}. */
public final class UserAgent {
  /** The version of this SDK, written into the jar by the build. */
  public static final String SDK_VERSION = readVersion();

  public static final String VALUE =
      "paygate-java/" + SDK_VERSION + " Java/" + System.getProperty("java.version", "unknown");

  private UserAgent() {
  }

  private static String readVersion() {
    try (InputStream in = UserAgent.class.getResourceAsStream("version.properties")) {
      if (in == null) return "unknown";
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "unknown");
      // An unfiltered resource (an IDE build) still says "${project.version}".
      return version.startsWith("$") ? "unknown" : version;
    } catch (IOException e) {
      return "unknown";
    }
  }
}

package io.paygate.gateway.acquirer;

/**
 * The class a plug-in needed and did not have, found in a {@link NoClassDefFoundError} or
 * {@link ClassNotFoundException} among an error's causes: the sign of a library left out of the
 * plug-in jar, which the plug-in's own class loader cannot find anywhere else (it sees only the
 * JDK, the SPI and the SLF4J API).
 */
final class MissingClass {
  /** What the operator is told to have the plug-in's author do. */
  static final String ADVICE = "shade your dependencies into the plug-in jar";

  private MissingClass() {}

  /** The missing class's binary name ({@code com.lib.Client}), or null when none is missing. */
  static String of(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof NoClassDefFoundError || c instanceof ClassNotFoundException) {
        String message = c.getMessage();
        if (message != null && !message.isBlank()) {
          // NoClassDefFoundError names it with slashes: com/lib/Client.
          return message.strip().replace('/', '.');
        }
      }
    }
    return null;
  }

  /** The reason shown for a skipped plug-in: the class, and what to do. */
  static String reason(String missingClass, Throwable e) {
    return "it needs class " + missingClass + ", which is neither in the jar nor given to"
        + " plug-ins by the gateway (" + e.getClass().getSimpleName() + "): " + ADVICE;
  }
}

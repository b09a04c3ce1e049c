package io.paygate.gateway.acquirer;

/**
 * A plug-in jar or provider the gateway found but did not load, with the reason, for operators.
 *
 * @param source the jar, or the class path entry, it came from
 * @param reason why it was skipped, in words for an operator
 */
public record SkippedPlugin(String source, String reason) {
  @Override
  public String toString() {
    return source + " was skipped: " + reason;
  }
}

package io.paygate.acquirer.spi;

import java.util.Objects;

/**
 * A setting a connector reads from its configuration section, declared so the gateway can check
 * it at start-up and list it for operators.
 *
 * <p>In the gateway's configuration file, setting {@code baseUrl} of acquirer {@code PiggyBank} is
 * {@code acquirer.piggybank.baseUrl}; as an environment variable,
 * {@code PAYGATE_ACQUIRER_PIGGYBANK_BASEURL}.
 */
public final class Setting {
  private final String name;
  private final String description;
  private final boolean required;
  private final String defaultValue;
  private final boolean secret;

  private Setting(
      String name, String description, boolean required, String defaultValue, boolean secret) {
    this.name = Objects.requireNonNull(name, "name == null");
    this.description = Objects.requireNonNull(description, "description == null");
    this.required = required;
    this.defaultValue = defaultValue;
    this.secret = secret;
  }

  /** A setting the connector cannot start without. */
  public static Setting required(String name, String description) {
    return new Setting(name, description, true, null, false);
  }

  /** A setting with a default value. */
  public static Setting optional(String name, String description, String defaultValue) {
    return new Setting(name, description, false, defaultValue, false);
  }

  /** The same setting, marked as a secret: the gateway never prints its value. */
  public Setting secret() {
    return new Setting(name, description, required, defaultValue, true);
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public boolean isRequired() {
    return required;
  }

  /** The default, or null when there is none. */
  public String defaultValue() {
    return defaultValue;
  }

  public boolean isSecret() {
    return secret;
  }

  @Override
  public String toString() {
    return name + (required ? " (required)" : " (default " + defaultValue + ")");
  }
}

package io.paygate.acquirer.spi;

/**
 * A connector cannot start with the configuration it was given. The message names the acquirer
 * and the setting, and is shown to the operator as it is: never put a secret in it.
 */
public class AcquirerConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AcquirerConfigurationException(String message) {
    super(message);
  }

  public AcquirerConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}

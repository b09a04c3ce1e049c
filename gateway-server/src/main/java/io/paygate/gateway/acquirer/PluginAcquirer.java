package io.paygate.gateway.acquirer;

import io.paygate.acquirer.spi.Acquirer;
import io.paygate.acquirer.spi.AuthorisationRequest;
import io.paygate.acquirer.spi.AuthorisationResult;
import io.paygate.acquirer.spi.StatusRequest;
import io.paygate.acquirer.spi.CancelRequest;
import io.paygate.acquirer.spi.CaptureRequest;
import io.paygate.acquirer.spi.Operation;
import io.paygate.acquirer.spi.OperationRequest;
import io.paygate.acquirer.spi.OperationResult;
import io.paygate.acquirer.spi.RefundRequest;
import io.paygate.acquirer.spi.StatusResult;
import io.paygate.acquirer.spi.VoidRequest;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An acquirer from a plug-in jar, called with the jar's class loader as the thread's context
 * class loader: libraries that look classes or services up through it (JAXB, Jackson modules,
 * HTTP clients' platform lookups) then find the plug-in's own, not the gateway's.
 */
final class PluginAcquirer implements Acquirer {
  private final Acquirer delegate;
  private final ClassLoader pluginLoader;

  PluginAcquirer(Acquirer delegate, ClassLoader pluginLoader) {
    this.delegate = delegate;
    this.pluginLoader = pluginLoader;
  }

  /** Runs {@code call} with the plug-in's class loader as context class loader. */
  static <T> T inPlugin(ClassLoader pluginLoader, Supplier<T> call) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(pluginLoader);
    try {
      return call.get();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Override
  public AuthorisationResult authorise(AuthorisationRequest request) {
    return inPlugin(pluginLoader, () -> delegate.authorise(request));
  }

  @Override
  public StatusResult status(StatusRequest request) {
    return inPlugin(pluginLoader, () -> delegate.status(request));
  }

  // Every SPI method is delegated, the defaults too: a plug-in that overrides one must be heard.

  @Override
  public Set<Operation> supportedOperations() {
    return inPlugin(pluginLoader, delegate::supportedOperations);
  }

  @Override
  public OperationResult capture(CaptureRequest request) {
    return inPlugin(pluginLoader, () -> delegate.capture(request));
  }

  @Override
  public OperationResult voidAuthorisation(VoidRequest request) {
    return inPlugin(pluginLoader, () -> delegate.voidAuthorisation(request));
  }

  @Override
  public OperationResult refund(RefundRequest request) {
    return inPlugin(pluginLoader, () -> delegate.refund(request));
  }

  @Override
  public OperationResult cancel(CancelRequest request) {
    return inPlugin(pluginLoader, () -> delegate.cancel(request));
  }

  @Override
  public OperationResult operationStatus(OperationRequest request) {
    return inPlugin(pluginLoader, () -> delegate.operationStatus(request));
  }

  @Override
  public String destination() {
    return inPlugin(pluginLoader, delegate::destination);
  }

  @Override
  public boolean simulator() {
    return inPlugin(pluginLoader, delegate::simulator);
  }

  @Override
  public void close() {
    inPlugin(pluginLoader, () -> {
      delegate.close();
      return null;
    });
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}

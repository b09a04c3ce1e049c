package io.paygate.gateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Locale;
import org.eclipse.jetty.http.QuotedQualityCSV;

/**
 * The gateway's meter registry, exposed in Prometheus's formats by Micrometer's own registry (no
 * hand-written exposition), with the JVM and process binders. Every other meter of the gateway is
 * made by the small recorders and binders of this package from {@link #registry()}.
 */
public final class GatewayMetrics implements AutoCloseable {
  /** Prometheus's classic text format, what a scrape gets unless it asks for OpenMetrics. */
  public static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";
  /** OpenMetrics 1.0, for a scraper whose {@code Accept} header names it (Prometheus does). */
  public static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final JvmGcMetrics gc;

  public GatewayMetrics() {
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    this.gc = new JvmGcMetrics();
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /**
   * The content type a scrape with this {@code Accept} header (null: none) is answered in: the
   * first of OpenMetrics and text the scraper wants most, by Jetty's {@link QuotedQualityCSV}
   * (quality order, {@code q=0} dropped); text when it names neither.
   */
  public static String contentType(String accept) {
    if (accept == null) {
      return TEXT_FORMAT;
    }
    QuotedQualityCSV ranges = new QuotedQualityCSV();
    ranges.addValue(accept);
    for (String range : ranges.getValues()) {
      String type = range.toLowerCase(Locale.ROOT);
      if (type.startsWith("application/openmetrics-text")) {
        return OPEN_METRICS;
      }
      if (type.startsWith("text/plain") || type.startsWith("text/*") || type.startsWith("*/*")) {
        return TEXT_FORMAT;
      }
    }
    return TEXT_FORMAT;
  }

  /** Every meter, in the format {@link #contentType} chose. */
  public String scrape(String contentType) {
    return registry.scrape(contentType);
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}

package io.paygate.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The format {@code GET /metrics} answers in, chosen from the scraper's {@code Accept}. */
class ScrapeFormatTest {
  @Test
  void prometheusAskingForOpenMetricsFirstGetsIt() {
    assertThat(GatewayMetrics.contentType("application/openmetrics-text;version=1.0.0,"
        + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,"
        + "*/*;q=0.1")).isEqualTo(GatewayMetrics.OPEN_METRICS);
  }

  @Test
  void aScraperThatPrefersTextGetsText() {
    assertThat(GatewayMetrics.contentType("text/plain, application/openmetrics-text;q=0.5"))
        .isEqualTo(GatewayMetrics.TEXT_FORMAT);
  }

  @Test
  void openMetricsRefusedWithQZeroIsNeverSent() {
    assertThat(GatewayMetrics.contentType("application/openmetrics-text;q=0, text/plain;q=0.5"))
        .isEqualTo(GatewayMetrics.TEXT_FORMAT);
  }

  @Test
  void noAcceptOrAWildcardGetsTheClassicTextFormat() {
    assertThat(GatewayMetrics.contentType(null)).isEqualTo(GatewayMetrics.TEXT_FORMAT);
    assertThat(GatewayMetrics.contentType("*/*")).isEqualTo(GatewayMetrics.TEXT_FORMAT);
    assertThat(GatewayMetrics.contentType("Application/OpenMetrics-Text"))
        .isEqualTo(GatewayMetrics.OPEN_METRICS);
  }
}

/**
 * The conformance kit for acquirer plug-ins: extend
 * {@link io.paygate.acquirer.spi.testkit.AcquirerConformanceTest} in your connector's tests.
 *
 * <p>It needs JUnit 5 ({@code org.junit.jupiter:junit-jupiter}) on the test class path; the SPI
 * declares it as an optional dependency, so nothing of it reaches a gateway or a connector's main
 * code.
 */
package io.paygate.acquirer.spi.testkit;

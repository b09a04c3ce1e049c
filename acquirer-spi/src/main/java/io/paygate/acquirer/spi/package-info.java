/**
 * The contract between the Paygate gateway and a bank connector ("acquirer").
 *
 * <p>A connector ships as a jar holding an {@link io.paygate.acquirer.spi.AcquirerProvider}
 * implementation, registered with one line in
 * {@code META-INF/services/io.paygate.acquirer.spi.AcquirerProvider}. The gateway finds it with
 * {@link java.util.ServiceLoader}, checks the SPI version it was built against, hands it its own
 * configuration section as {@link io.paygate.acquirer.spi.AcquirerSettings}, and calls the
 * {@link io.paygate.acquirer.spi.Acquirer} it creates once per payment operation.
 *
 * <p>The one rule that matters most: never report a payment as declined or not processed unless
 * the bank certainly did not charge the card. When in doubt (timeout, reset connection, unreadable
 * answer), answer {@link io.paygate.acquirer.spi.AuthorisationResult#unknown(String)}; the gateway
 * then resolves the payment later with {@link io.paygate.acquirer.spi.Acquirer#status}.
 */
package io.paygate.acquirer.spi;

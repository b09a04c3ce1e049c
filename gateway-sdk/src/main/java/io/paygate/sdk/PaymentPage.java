package io.paygate.sdk;

import java.util.List;
import java.util.Objects;
import org.jetbrains.annotations.Nullable;

/**
 * One page of the merchant's payments, newest first, from
 * {@link PaygateClient#historyPage(int)}. To walk every page without thinking about cursors, use
 * {@link PaygateClient#history()} instead.
 *
 * <pre>{@code
 * PaymentPage page = client.historyPage(100);
 * render(page.payments());
 * if (page.hasNext()) session.put("next", page.nextCursor());   // later: client.historyPage(cursor)
 * }</pre>
 */
public final class PaymentPage {
  private final List<Payment> payments;
  private final @Nullable String nextCursor;

  private PaymentPage(List<Payment> payments, @Nullable String nextCursor) {
    this.payments = payments;
    this.nextCursor = nextCursor;
  }

  /** Returns a page of {@code payments} followed by the page at {@code nextCursor}, if any. */
  public static PaymentPage of(List<Payment> payments, @Nullable String nextCursor) {
    Objects.requireNonNull(payments, "payments == null");
    return new PaymentPage(List.copyOf(payments), nextCursor);
  }

  /** The payments of this page, newest first; never null, empty when the merchant has none. */
  public List<Payment> payments() {
    return payments;
  }

  /** True if there is a page after this one. */
  public boolean hasNext() {
    return nextCursor != null;
  }

  /**
   * An opaque cursor to the next page for {@link PaygateClient#historyPage(String)}, or null on the
   * last page. It is a plain string so that it can be kept between requests, in a web session for
   * example; do not build or change one.
   */
  public @Nullable String nextCursor() {
    return nextCursor;
  }

  @Override public boolean equals(Object o) {
    return o instanceof PaymentPage
        && ((PaymentPage) o).payments.equals(payments)
        && Objects.equals(((PaymentPage) o).nextCursor, nextCursor);
  }

  @Override public int hashCode() {
    return payments.hashCode() * 31 + Objects.hashCode(nextCursor);
  }

  @Override public String toString() {
    return "PaymentPage{" + payments.size() + " payments" + (hasNext() ? ", has next" : "") + "}";
  }
}

package io.paygate.sdk;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jetbrains.annotations.Nullable;

/**
 * Walks every payment of the history, one page at a time: a page is fetched only when the
 * iterator has run out of the previous one, so that a caller who stops early pays for no more.
 */
final class PagingIterator implements Iterator<Payment> {
  private final Supplier<PaymentPage> firstPage;
  private final Function<String, PaymentPage> pageAt;
  private @Nullable Iterator<Payment> current;
  private @Nullable String nextCursor;

  PagingIterator(Supplier<PaymentPage> firstPage, Function<String, PaymentPage> pageAt) {
    this.firstPage = firstPage;
    this.pageAt = pageAt;
  }

  @Override public boolean hasNext() {
    // A loop, not an if: a page may be empty and still have a next one.
    while (current == null || !current.hasNext()) {
      if (current != null && nextCursor == null) return false;
      String cursor = nextCursor;
      PaymentPage page = current == null ? firstPage.get() : pageAt.apply(cursor);
      current = page.payments().iterator();
      nextCursor = page.nextCursor();
      if (nextCursor != null && nextCursor.equals(cursor)) {
        throw new PaygateException("GET " + cursor + ": the gateway announced the same page as next",
            200, null, null, null);
      }
    }
    return true;
  }

  @Override public Payment next() {
    if (!hasNext()) throw new NoSuchElementException();
    return Objects.requireNonNull(current).next();
  }
}

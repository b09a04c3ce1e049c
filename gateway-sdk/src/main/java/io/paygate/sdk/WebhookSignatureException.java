package io.paygate.sdk;

/**
 * A webhook request did not prove it came from your gateway: no or malformed
 * {@code Paygate-Signature} header, a timestamp outside the tolerance (a replay), no signature
 * made with your secret (a wrong secret or a changed body), or a body that is not a Paygate
 * event. Answer such a request 400 and do not act on it. Thrown by {@link Webhooks#verify}.
 */
public class WebhookSignatureException extends PaygateException {
  /** Public so that you can throw it from fakes in your own tests. */
  public WebhookSignatureException(String message) {
    super(message, 0, null, null, null);
  }
}

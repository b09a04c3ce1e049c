/**
 * Implementation details of the Paygate SDK. Nothing here is API: it changes without notice.
 * Use {@link io.paygate.sdk} only.
 */
package io.paygate.sdk.internal;

package io.paygate.gateway.config;

import java.time.Duration;

/**
 * How long tokens live ({@code access.token.ttl}, {@code refresh.token.ttl}): two durations kept
 * together and named, so the one cannot be passed where the other is meant.
 *
 * @param access an access token's lifetime (minutes)
 * @param refresh a refresh token's lifetime (days)
 */
public record TokenLifetimes(Duration access, Duration refresh) {}

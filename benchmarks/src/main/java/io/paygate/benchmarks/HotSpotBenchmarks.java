package io.paygate.benchmarks;

import com.squareup.moshi.JsonWriter;
import io.paygate.gateway.api.JsonBodyParser;
import io.paygate.gateway.api.PaymentJson;
import io.paygate.gateway.auth.TokenService;
import io.paygate.gateway.core.Payment;
import io.paygate.gateway.validation.PaymentRequestValidator;
import io.paygate.gateway.validation.ValidatedPayment;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-request CPU work of a payment that the profile shows, one piece at a time: reading the
 * JSON body, validating it, checking the bearer token, writing the payment resource.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar HotSpotBenchmarks}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class HotSpotBenchmarks {
  private final Clock clock = Clock.systemUTC();
  private PaymentRequestValidator validator;
  private Map<String, Object> body;
  private TokenService tokens;
  private String token;
  private Payment payment;

  @Setup
  public void setUp() {
    validator = new PaymentRequestValidator(clock);
    body = JsonBodyParser.parseObject(Fixtures.PAYMENT_BODY);
    tokens = new TokenService("benchmark-secret-0123456789abcdef0123456789abcdef",
        Duration.ofMinutes(15), clock);
    token = tokens.issue(UUID.randomUUID(), UUID.randomUUID()).token();
    payment = Fixtures.authorised(Fixtures.pending(UUID.randomUUID()));
  }

  @Benchmark
  public Map<String, Object> parseJsonBody() {
    return JsonBodyParser.parseObject(Fixtures.PAYMENT_BODY);
  }

  @Benchmark
  public ValidatedPayment validate() {
    return validator.validate(body);
  }

  @Benchmark
  public Optional<TokenService.AccessToken> verifyToken() {
    return tokens.verify(token);
  }

  @Benchmark
  public long writePaymentJson() throws IOException {
    Buffer out = new Buffer();
    try (JsonWriter w = JsonWriter.of(out)) {
      new PaymentJson(payment).writeTo(w);
    }
    return out.size();
  }
}

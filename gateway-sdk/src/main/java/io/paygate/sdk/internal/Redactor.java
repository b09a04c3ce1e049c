package io.paygate.sdk.internal;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import okio.Buffer;

/**
 * Takes secrets out of what the SDK reports: passwords, tokens, CVVs and card numbers in JSON
 * bodies, credentials in headers. Redaction works on the structure (the JSON key, the header
 * name), not on a guess at what a secret looks like, plus one safety net: any string that looks
 * like a card number is masked wherever it appears.
 */
public final class Redactor {
  public static final String REDACTED = "[redacted]";

  /** JSON keys whose values never leave the SDK, lower case (the gateway ignores key case). */
  private static final Set<String> SECRET_KEYS = Set.of(
      "password", "cvv", "cvc", "token", "refreshtoken", "accesstoken", "access_token",
      "refresh_token", "authorization");
  private static final Set<String> CARD_KEYS = Set.of("cardnumber", "pan");
  private static final Set<String> SECRET_HEADERS = Set.of(
      "authorization", "proxy-authorization", "cookie", "set-cookie");
  private static final Pattern CARD_LIKE = Pattern.compile("[0-9][0-9 -]{11,22}[0-9]");
  // Numbers need more digits than strings before they count: epoch milliseconds have 13.
  private static final Pattern CARD_LIKE_NUMBER = Pattern.compile("[0-9]{15,19}");

  /** At least this many digits are always hidden; at most the first six and last four shown. */
  private static final int MIN_MASKED = 6;
  private static final int MAX_FIRST = 6;
  private static final int MAX_LAST = 4;

  private Redactor() {
  }

  /**
   * Masks a card number the way the gateway masks the numbers it stores and returns, so that one
   * format shows everywhere (a {@link io.paygate.sdk.Payment}, a request's {@code toString()}, a
   * logged body): at most the first six and the last four digits are kept, and at least six
   * digits are always hidden, so that short numbers show less ({@code 4242 4242 4242 4242} →
   * {@code 424242******4242}; {@code 123456789012} → {@code 123******012}; six digits or fewer →
   * all {@code *}). Spaces and dashes are dropped; a {@code *} already in the input counts as a
   * hidden digit, so masking a masked number changes nothing.
   */
  public static String maskCardNumber(String cardNumber) {
    if (cardNumber == null) return null;
    StringBuilder digits = new StringBuilder(cardNumber.length());
    for (int i = 0; i < cardNumber.length(); i++) {
      char c = cardNumber.charAt(i);
      if ((c >= '0' && c <= '9') || c == '*') digits.append(c);
    }
    int length = digits.length();
    int shown = Math.max(0, Math.min(MAX_FIRST + MAX_LAST, length - MIN_MASKED));
    int last = Math.min(MAX_LAST, shown - shown / 2); // the last digits get the odd one
    int first = shown - last;
    for (int i = first; i < length - last; i++) digits.setCharAt(i, '*');
    return digits.toString();
  }

  /** The value of a header as it may be shown: credentials are replaced, the scheme kept. */
  public static String header(String name, String value) {
    if (!SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) return value;
    int space = value.indexOf(' ');
    return space > 0 && name.toLowerCase(Locale.ROOT).endsWith("authorization")
        ? value.substring(0, space) + " " + REDACTED
        : REDACTED;
  }

  /**
   * Returns {@code json} with every secret replaced. A body that is not JSON is not shown at all,
   * only its size: nothing can be known about what it holds.
   */
  public static String json(String json) {
    if (json == null || json.isEmpty()) return json;
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
      Buffer out = new Buffer();
      JsonWriter writer = JsonWriter.of(out);
      writer.setSerializeNulls(true); // show the body as it was, nulls included
      copy(reader, writer);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) throw new IOException("trailing data");
      writer.close();
      return out.readUtf8();
    } catch (IOException | RuntimeException e) {
      return "(" + json.length() + " characters, not JSON)";
    }
  }

  private static void copy(JsonReader reader, JsonWriter writer) throws IOException {
    // For each open array, the name it was under: its elements are secret if that name is.
    Deque<String> arrayNames = new ArrayDeque<>();
    Deque<Boolean> inArray = new ArrayDeque<>();
    String name = null;
    do {
      if (name == null && Boolean.TRUE.equals(inArray.peek())) name = arrayNames.peek();
      switch (reader.peek()) {
        case BEGIN_OBJECT:
          reader.beginObject();
          writer.beginObject();
          inArray.push(false);
          break;
        case END_OBJECT:
          reader.endObject();
          writer.endObject();
          inArray.pop();
          break;
        case BEGIN_ARRAY:
          reader.beginArray();
          writer.beginArray();
          inArray.push(true);
          arrayNames.push(name == null ? "" : name);
          break;
        case END_ARRAY:
          reader.endArray();
          writer.endArray();
          inArray.pop();
          arrayNames.pop();
          break;
        case NAME:
          name = reader.nextName();
          writer.name(name);
          continue; // keep the name for the value that follows
        case STRING:
          writer.value(redactValue(name, reader.nextString()));
          break;
        case NUMBER: {
          String number = reader.nextString();
          if (isSecret(name)) writer.value(REDACTED);
          else if (CARD_LIKE_NUMBER.matcher(number).matches()) writer.value(maskCardNumber(number));
          else writer.value(new BigDecimal(number));
          break;
        }
        case BOOLEAN:
          writer.value(reader.nextBoolean());
          break;
        case NULL:
          reader.nextNull();
          writer.nullValue();
          break;
        default:
          throw new IOException("unexpected " + reader.peek());
      }
      name = null;
    } while (!inArray.isEmpty());
  }

  private static boolean isSecret(String name) {
    if (name == null) return false;
    String key = name.toLowerCase(Locale.ROOT);
    return SECRET_KEYS.contains(key) || CARD_KEYS.contains(key);
  }

  private static String redactValue(String name, String value) {
    String key = name == null ? "" : name.toLowerCase(Locale.ROOT);
    if (SECRET_KEYS.contains(key)) return REDACTED;
    if (CARD_KEYS.contains(key) || CARD_LIKE.matcher(value).matches()) return maskCardNumber(value);
    return value;
  }
}

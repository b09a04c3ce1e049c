package io.paygate.gateway.api;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import io.paygate.gateway.errors.ApiException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okio.Buffer;

/**
 * Reads a request body into a map whose keys are in lower case, as the original ASP.NET services
 * matched them ({@code Cvv}, {@code cvv} and {@code CVV} are one field).
 *
 * <p>Numbers are kept as {@link BigDecimal}, never as a double, so {@code 0.1} stays exact.
 * Hostile input is refused early: nesting deeper than {@value #MAX_DEPTH}, a number literal
 * longer than {@value #MAX_NUMBER_LENGTH} characters, and a key given twice (which two parsers may
 * read differently) are all a 400.
 */
public final class JsonBodyParser {
  static final int MAX_DEPTH = 16;
  static final int MAX_NUMBER_LENGTH = 40;

  private JsonBodyParser() {}

  /**
   * Parses a JSON object.
   *
   * @throws ApiException 400 {@code malformed-json} naming the problem and where it is
   */
  public static Map<String, Object> parseObject(byte[] body) {
    if (body.length == 0) {
      throw ApiException.malformedJson("the request body is empty; a JSON object is expected");
    }
    JsonReader reader = JsonReader.of(new Buffer().write(body));
    try {
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        throw ApiException.malformedJson("the request body must be a JSON object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) read(reader, 0);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw ApiException.malformedJson("unexpected content after the JSON object");
      }
      return map;
    } catch (JsonEncodingException | JsonDataException e) {
      throw ApiException.malformedJson("the request body is not valid JSON: " + e.getMessage());
    } catch (IOException e) {
      throw ApiException.malformedJson("the request body is not valid JSON: " + e.getMessage());
    }
  }

  private static Object read(JsonReader reader, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw ApiException.malformedJson("JSON nested deeper than " + MAX_DEPTH + " levels");
    }
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          String key = name.toLowerCase(Locale.ROOT);
          if (map.containsKey(key)) {
            throw ApiException.malformedJson("the key '" + abbreviate(name)
                + "' appears more than once (keys are matched without case)");
          }
          map.put(key, read(reader, depth + 1));
        }
        reader.endObject();
        return map;
      case BEGIN_ARRAY:
        List<Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          list.add(read(reader, depth + 1));
        }
        reader.endArray();
        return list;
      case STRING:
        return reader.nextString();
      case NUMBER:
        String literal = reader.nextString();
        if (literal.length() > MAX_NUMBER_LENGTH) {
          throw ApiException.malformedJson("a number in the body is longer than "
              + MAX_NUMBER_LENGTH + " characters");
        }
        try {
          BigDecimal n = new BigDecimal(literal);
          if (Math.abs((long) n.scale()) > 1000) {
            throw ApiException.malformedJson("a number in the body has an absurd exponent");
          }
          return n;
        } catch (NumberFormatException e) {
          throw ApiException.malformedJson("'" + abbreviate(literal) + "' is not a number");
        }
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw ApiException.malformedJson("unexpected " + reader.peek() + " at " + reader.getPath());
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}

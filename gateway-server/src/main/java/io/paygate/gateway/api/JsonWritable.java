package io.paygate.gateway.api;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;

/**
 * A response body that writes itself as JSON. Wire types are written field by field rather than
 * by reflection: the order and the names are the contract, and nothing is sent by accident.
 */
public interface JsonWritable {
  void writeTo(JsonWriter writer) throws IOException;
}

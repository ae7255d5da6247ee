package com.vaultcrmsync.emulator.org;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A parsed JSON request body that remembers where each object member's value starts, so type errors
 * can say {@code at [line:1, column:35]} as Salesforce does.
 */
public final class JsonBody {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonNode root;
  private final IdentityHashMap<ObjectNode, Map<String, JsonLocation>> locations;

  private JsonBody(
      JsonNode root, IdentityHashMap<ObjectNode, Map<String, JsonLocation>> locations) {
    this.root = root;
    this.locations = locations;
  }

  /** Parses {@code text}; malformed JSON is a 400 {@code JSON_PARSER_ERROR}. */
  public static JsonBody parse(String text) throws ApiException {
    IdentityHashMap<ObjectNode, Map<String, JsonLocation>> locations = new IdentityHashMap<>();
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return new JsonBody(NODES.nullNode(), locations);
      }
      JsonNode root = read(p, locations);
      if (p.nextToken() != null) {
        throw parserError(
            "Unexpected character after the end of the JSON value", p.currentLocation());
      }
      return new JsonBody(root, locations);
    } catch (JsonProcessingException e) {
      throw parserError(e.getOriginalMessage(), e.getLocation());
    } catch (IOException e) {
      throw ApiException.badRequest("JSON_PARSER_ERROR", String.valueOf(e.getMessage()));
    }
  }

  public JsonNode root() {
    return root;
  }

  /** {@code [line:L, column:C]} of a member's value, or of the document start when unknown. */
  public String where(ObjectNode object, String field) {
    JsonLocation at = locations.getOrDefault(object, Map.of()).get(field);
    return at == null ? "[line:1, column:1]" : position(at);
  }

  static String position(JsonLocation at) {
    return "[line:" + at.getLineNr() + ", column:" + at.getColumnNr() + "]";
  }

  private static ApiException parserError(String message, JsonLocation at) {
    return ApiException.badRequest(
        "JSON_PARSER_ERROR", message + (at == null ? "" : " at " + position(at)));
  }

  private static JsonNode read(
      JsonParser p, IdentityHashMap<ObjectNode, Map<String, JsonLocation>> locations)
      throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        Map<String, JsonLocation> where = new HashMap<>();
        locations.put(object, where);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          where.put(name, p.currentTokenLocation());
          object.set(name, read(p, locations));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          array.add(read(p, locations));
        }
        return array;
      }
      case VALUE_STRING -> {
        return NODES.textNode(p.getText());
      }
      case VALUE_NUMBER_INT -> {
        return NODES.numberNode(p.getDecimalValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(p.getDecimalValue());
      }
      case VALUE_TRUE -> {
        return NODES.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return NODES.booleanNode(false);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default -> throw new JsonParseFailure("Unexpected token " + t, p);
    }
  }

  /** A structural problem found while building the tree. */
  private static final class JsonParseFailure extends JsonProcessingException {
    JsonParseFailure(String message, JsonParser p) {
      super(message, p.currentLocation());
    }
  }
}

package com.vaultcrmsync.emulator.org;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The org saved as JSON: {@code {"format":1,"sequence":N,"apiUsage":{"day","used"},"records":[…]}}
 * with values in wire format. Saving writes a temporary file in the same folder, forces it to disk
 * and renames it over the old one, so a crash leaves either the old or the new org.
 */
public final class OrgFile {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonFactory FACTORY = new JsonFactory();

  private final Path file;

  public OrgFile(Path file) {
    this.file = file.toAbsolutePath();
  }

  public Path path() {
    return file;
  }

  /** Loads a saved org into an empty store; no file = nothing to load. */
  public void load(OrgStore store, DailyUsage usage) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    JsonNode root = JSON.readTree(file.toFile());
    if (root == null || root.path("format").asInt() != 1) {
      throw new IOException(file + ": not an emulator org file (format 1)");
    }
    List<Map<String, Object>> records = new ArrayList<>();
    for (JsonNode r : root.path("records")) {
      Map<String, Object> record = read(store.schema(), r);
      if (record != null) {
        records.add(record);
      }
    }
    store.load(records, root.path("sequence").asLong(1));
    JsonNode api = root.path("apiUsage");
    if (api.isObject()) {
      usage.restore(WireFormat.parseDate(api.path("day").asText("")), api.path("used").asInt());
    }
  }

  /** Writes the snapshot atomically. */
  public void save(OrgStore.Snapshot snapshot, DailyUsage usage) throws IOException {
    Path dir = file.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
          OutputStream out = Channels.newOutputStream(channel);
          JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
        g.writeStartObject();
        g.writeNumberField("format", 1);
        g.writeNumberField("sequence", snapshot.sequence());
        g.writeObjectFieldStart("apiUsage");
        g.writeStringField("day", usage.day().toString());
        g.writeNumberField("used", usage.used());
        g.writeEndObject();
        g.writeArrayFieldStart("records");
        for (Map<String, Object> r : snapshot.records()) {
          g.writeStartObject();
          for (Map.Entry<String, Object> e : r.entrySet()) {
            g.writeFieldName(e.getKey());
            writeValue(g, WireFormat.out(e.getValue()));
          }
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
        channel.force(true);
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void writeValue(JsonGenerator g, Object v) throws IOException {
    if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Double d) {
      g.writeNumber(d);
    } else {
      g.writeString(String.valueOf(v));
    }
  }

  private static Map<String, Object> read(OrgSchema schema, JsonNode r) throws IOException {
    String id = r.path("Id").asText(null);
    if (id == null || !SalesforceId.isValid(id)) {
      throw new IOException("org file record without a valid Id: " + r);
    }
    ObjectDef object = schema.byPrefix(SalesforceId.prefix(id)).orElse(null);
    if (object == null) {
      return null;
    }
    Map<String, Object> record = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      FieldDef f = object.field(e.getKey());
      JsonNode v = e.getValue();
      if (f == null || v.isNull()) {
        continue;
      }
      Object value =
          switch (f.type()) {
            case BOOLEAN -> v.asBoolean();
            case INT -> v.asInt();
            case DOUBLE, CURRENCY, PERCENT -> v.asDouble();
            case DATE -> LocalDate.parse(v.asText());
            case DATETIME -> WireFormat.parseDatetime(v.asText());
            default -> v.asText();
          };
      record.put(f.name(), value);
    }
    record.putIfAbsent("IsDeleted", Boolean.FALSE);
    return Collections.unmodifiableMap(record);
  }
}

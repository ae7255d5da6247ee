package com.vaultcrmsync.emulator.org;

import com.vaultcrmsync.emulator.soql.SoqlSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The emulated org's objects: the standard ones plus the custom fields of an org schema file.
 *
 * <p>Schema file (YAML): {@code objects: {Task: [{name: Vault_Key__c, type: string, length: 255,
 * externalId: true, unique: true}]}}. Types: string, textarea, picklist (with {@code values}),
 * email, phone, url, boolean, int, double, currency, percent, date, datetime, reference (with
 * {@code referenceTo} and {@code relationshipName}). Custom field names end in {@code __c}.
 */
public final class OrgSchema implements SoqlSchema {

  /** The bundled schema file used when none is configured. */
  public static final String DEFAULT_RESOURCE = "/emulator/org-schema.yaml";

  private final Map<String, ObjectDef> byLower = new LinkedHashMap<>();
  private final Map<String, ObjectDef> byPrefix = new LinkedHashMap<>();

  private OrgSchema(Collection<ObjectDef> objects) {
    for (ObjectDef o : objects) {
      byLower.put(o.name().toLowerCase(Locale.ROOT), o);
      byPrefix.put(o.keyPrefix(), o);
    }
  }

  /** The standard objects plus the custom fields of {@code file}, or of the bundled default. */
  public static OrgSchema load(Path file) {
    if (file == null) {
      try (InputStream in = OrgSchema.class.getResourceAsStream(DEFAULT_RESOURCE)) {
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + DEFAULT_RESOURCE, e);
      }
    }
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read org schema file " + file + ": " + e, e);
    }
  }

  /** Parses schema YAML; {@code source} names the file in error messages. */
  static OrgSchema parse(String yamlText, String source) {
    Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
    Map<String, ObjectDef> objects = new LinkedHashMap<>();
    for (ObjectDef o : StandardObjects.all()) {
      objects.put(o.name().toLowerCase(Locale.ROOT), o);
    }
    if (root == null) {
      return new OrgSchema(objects.values());
    }
    if (!(root instanceof Map<?, ?> top) || !(top.get("objects") instanceof Map<?, ?> declared)) {
      throw new IllegalArgumentException(source + ": expected a top-level 'objects' map");
    }
    for (Map.Entry<?, ?> entry : declared.entrySet()) {
      String objectName = String.valueOf(entry.getKey());
      ObjectDef object = objects.get(objectName.toLowerCase(Locale.ROOT));
      if (object == null) {
        throw new IllegalArgumentException(
            source
                + ": objects."
                + objectName
                + ": unknown object (expected one of "
                + names(objects)
                + ")");
      }
      if (!(entry.getValue() instanceof List<?> list)) {
        throw new IllegalArgumentException(
            source + ": objects." + objectName + ": expected a list of fields");
      }
      List<FieldDef> extra = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        String where = source + ": objects." + objectName + "[" + i + "]";
        extra.add(CustomFieldReader.read(list.get(i), where));
      }
      objects.put(object.name().toLowerCase(Locale.ROOT), object.withFields(extra));
    }
    return new OrgSchema(objects.values());
  }

  private static String names(Map<String, ObjectDef> objects) {
    return objects.values().stream().map(ObjectDef::name).toList().toString();
  }

  @Override
  public Optional<ObjectInfo> object(String name) {
    return def(name).map(ObjectDef::info);
  }

  /** The object definition with this name in any casing. */
  public Optional<ObjectDef> def(String name) {
    return Optional.ofNullable(byLower.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The object whose ids start with this key prefix. */
  public Optional<ObjectDef> byPrefix(String prefix) {
    return Optional.ofNullable(byPrefix.get(prefix));
  }

  /** Every object, in a stable order. */
  public Collection<ObjectDef> objects() {
    return byLower.values();
  }
}

package com.vaultcrmsync.emulator.soql;

import com.vaultcrmsync.emulator.soql.FieldPath.Hop;
import com.vaultcrmsync.emulator.soql.SoqlSchema.FieldInfo;
import com.vaultcrmsync.emulator.soql.SoqlSchema.ObjectInfo;
import com.vaultcrmsync.emulator.soql.parse.ParsedQuery.NameRef;
import com.vaultcrmsync.emulator.soql.parse.SoqlException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks field paths against the schema, with Salesforce's {@code INVALID_FIELD} messages, and
 * gives them canonical casing. A leading alias of the queried object is dropped; a polymorphic
 * relationship ({@code What}) exposes the {@code Name} entity's fields.
 */
final class FieldResolver {
  private final String soql;
  private final SoqlSchema schema;
  private final ObjectInfo root;
  private final String alias;

  FieldResolver(String soql, SoqlSchema schema, ObjectInfo root, String alias) {
    this.soql = soql;
    this.schema = schema;
    this.root = root;
    this.alias = alias;
  }

  FieldPath resolve(NameRef ref) throws SoqlException {
    List<String> parts = ref.path();
    if (alias != null && parts.size() > 1 && parts.get(0).equalsIgnoreCase(alias)) {
      parts = parts.subList(1, parts.size());
    }
    ObjectInfo current = root;
    List<Hop> hops = new ArrayList<>();
    StringBuilder dotted = new StringBuilder();
    for (String relationship : parts.subList(0, parts.size() - 1)) {
      FieldInfo reference = current == null ? null : current.relationship(relationship);
      if (reference == null || reference.referenceTo().isEmpty()) {
        throw SoqlException.at(
            soql,
            ref.offset(),
            "INVALID_FIELD",
            "Didn't understand relationship '"
                + relationship
                + "' in field path. If you are attempting to use a custom relationship, be sure"
                + " to append the '__r' after the custom relationship name. Please reference your"
                + " WSDL or the describe call for the appropriate names.");
      }
      ObjectInfo target =
          reference.referenceTo().size() == 1
              ? schema.object(reference.referenceTo().get(0)).orElse(null)
              : null;
      hops.add(new Hop(reference, target));
      dotted.append(reference.relationshipName()).append('.');
      current = target;
    }
    String name = parts.get(parts.size() - 1);
    FieldInfo field = current == null ? NameEntity.field(name) : current.field(name);
    if (field == null) {
      String entity = current == null ? NameEntity.NAME : current.name();
      throw SoqlException.at(
          soql,
          ref.offset(),
          "INVALID_FIELD",
          "No such column '"
              + name
              + "' on entity '"
              + entity
              + "'. If you are attempting to use a custom field, be sure to append the '__c'"
              + " after the custom field name. Please reference your WSDL or the describe call for"
              + " the appropriate names.");
    }
    return new FieldPath(dotted.append(field.name()).toString(), List.copyOf(hops), field);
  }
}

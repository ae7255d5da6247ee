package com.vaultcrmsync.emulator.soql;

import com.vaultcrmsync.emulator.soql.FieldPath.Hop;
import com.vaultcrmsync.emulator.soql.SoqlSchema.FieldInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds result rows from records for a select list planned once: fields in select-list order,
 * parent paths grouped under their relationship ({@code Account.Name} and {@code
 * Account.Owner.Name} share one nested {@code Account} record, fetched once per row).
 */
final class RowProjector {
  private final String objectName;
  private final Group root = new Group(null);
  private final ParentRecords parents;

  /** Fields read from the record, or parents reached through a reference. */
  private sealed interface Node permits Leaf, Group {}

  private record Leaf(FieldInfo field, boolean polymorphicType) implements Node {}

  private static final class Group implements Node {
    final Hop hop;
    final Map<String, Node> children = new LinkedHashMap<>();

    Group(Hop hop) {
      this.hop = hop;
    }
  }

  RowProjector(String objectName, List<FieldPath> paths, ParentRecords parents) {
    this.objectName = objectName;
    this.parents = parents;
    for (FieldPath path : paths) {
      Group group = root;
      for (Hop hop : path.hops()) {
        String key = hop.relationshipName().toLowerCase(Locale.ROOT);
        Node node = group.children.computeIfAbsent(key, k -> new Group(hop));
        group = (Group) node;
      }
      boolean polymorphicType =
          group.hop != null && group.hop.polymorphic() && NameEntity.isType(path.field());
      group.children.put(
          path.field().name().toLowerCase(Locale.ROOT), new Leaf(path.field(), polymorphicType));
    }
  }

  SoqlRecord project(Map<String, Object> record) {
    SoqlRecord row = new SoqlRecord(objectName, (String) record.get("Id"));
    fill(row, root, record);
    return row;
  }

  private void fill(SoqlRecord row, Group group, Map<String, Object> record) {
    for (Node node : group.children.values()) {
      if (node instanceof Leaf leaf) {
        Object value = leaf.polymorphicType() ? row.objectName() : record.get(leaf.field().name());
        row.put(leaf.field().name(), value);
      } else {
        Group child = (Group) node;
        row.put(child.hop.relationshipName(), parent(child, record));
      }
    }
  }

  private SoqlRecord parent(Group group, Map<String, Object> record) {
    Object refId = record.get(group.hop.reference().name());
    if (refId == null) {
      return null;
    }
    Map<String, Object> parentRecord = parents.byId((String) refId);
    if (parentRecord == null) {
      return null;
    }
    String id = (String) parentRecord.get("Id");
    SoqlRecord nested = new SoqlRecord(parents.typeOf(id, group.hop), id);
    fill(nested, group, parentRecord);
    return nested;
  }
}

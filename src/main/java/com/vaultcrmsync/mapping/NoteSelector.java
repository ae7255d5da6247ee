package com.vaultcrmsync.mapping;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which notes a mapping applies to. Every criterion that is given must match (a note matches a list
 * criterion when it matches any of its values); an empty selector matches nothing.
 *
 * @param types values of the front matter {@code type} property
 * @param folders vault-relative folders (with {@code /}); notes in them or their sub-folders match
 * @param tags values of the front matter {@code tags} list (without {@code #})
 */
public record NoteSelector(List<String> types, List<String> folders, List<String> tags) {

  public NoteSelector {
    types = List.copyOf(types);
    folders = List.copyOf(folders);
    tags = List.copyOf(tags);
  }

  public boolean isEmpty() {
    return types.isEmpty() && folders.isEmpty() && tags.isEmpty();
  }

  /** Whether a note with this path and front matter is selected. */
  public boolean matches(String relativePath, Map<String, Object> frontMatter) {
    if (isEmpty()) {
      return false;
    }
    if (!types.isEmpty() && !anyEqual(values(frontMatter.get("type")), types)) {
      return false;
    }
    if (!folders.isEmpty()
        && folders.stream()
            .map(f -> f.endsWith("/") ? f : f + "/")
            .noneMatch(relativePath::startsWith)) {
      return false;
    }
    return tags.isEmpty() || anyEqual(values(frontMatter.get("tags")), tags);
  }

  private static boolean anyEqual(List<String> actual, List<String> wanted) {
    return actual.stream()
        .map(v -> v.startsWith("#") ? v.substring(1) : v)
        .anyMatch(v -> wanted.stream().anyMatch(w -> w.equalsIgnoreCase(v)));
  }

  static List<String> values(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> c) {
      return c.stream().filter(v -> v != null).map(v -> String.valueOf(v).trim()).toList();
    }
    return List.of(String.valueOf(value).trim());
  }
}

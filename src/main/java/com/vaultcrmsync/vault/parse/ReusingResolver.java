package com.vaultcrmsync.vault.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML's resolver of implicit types, reusing one {@link Matcher} per pattern instead of making
 * one per plain scalar (a tenth of the time of loading a note's front matter). Same patterns, same
 * order, same length limits and the same lookup by first char as {@link Resolver#resolve}; {@code
 * ReusingResolverTest} compares both. Not thread-safe, like the {@code Yaml} that owns it.
 */
final class ReusingResolver extends Resolver {
  private record Rule(Tag tag, Matcher matcher, int limit) {}

  /**
   * By first char; null for the rules tried for every scalar. Filled from the super constructor.
   */
  private Map<Character, List<Rule>> rules;

  @Override
  public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
    super.addImplicitResolver(tag, regexp, first, limit);
    if (rules == null) {
      rules = new HashMap<>();
    }
    if (first == null) {
      add(null, new Rule(tag, regexp.matcher(""), limit));
      return;
    }
    for (char c : first.toCharArray()) {
      // As in Resolver: a NUL first char files the pattern with the rules tried for every scalar.
      add(c == 0 ? null : c, new Rule(tag, regexp.matcher(""), limit));
    }
  }

  private void add(Character first, Rule rule) {
    rules.computeIfAbsent(first, k -> new ArrayList<>()).add(rule);
  }

  @Override
  public Tag resolve(NodeId kind, String value, boolean implicit) {
    if (kind == NodeId.scalar && implicit) {
      Tag tag = match(rules.get(value.isEmpty() ? '\0' : value.charAt(0)), value);
      if (tag == null) {
        tag = match(rules.get(null), value);
      }
      if (tag != null) {
        return tag;
      }
    }
    return super.resolve(kind, value, false);
  }

  private static Tag match(List<Rule> candidates, String value) {
    if (candidates != null) {
      for (Rule r : candidates) {
        if (value.length() <= r.limit() && r.matcher().reset(value).matches()) {
          return r.tag();
        }
      }
    }
    return null;
  }
}

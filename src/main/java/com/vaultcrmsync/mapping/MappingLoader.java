package com.vaultcrmsync.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Expression;
import org.apache.camel.spi.Language;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads and validates mapping files ({@code *.yaml}) and compiles their Camel Simple expressions
 * once. Any unknown key, wrong type or bad expression fails with a {@link MappingException} naming
 * the file, the line and the key.
 */
public final class MappingLoader {
  /** The mapping files shipped in the jar, used when no mapping folder is configured. */
  public static final List<String> DEFAULT_RESOURCES =
      List.of("mappings/accounts.yaml", "mappings/activities.yaml");

  private static final Set<String> ACCOUNT_KEYS =
      Set.of("kind", "sObject", "select", "idProperty", "match", "fields");
  private static final Set<String> ACTIVITY_KEYS =
      Set.of("kind", "sObject", "externalIdField", "section", "fields");
  private static final Set<String> SELECT_KEYS = Set.of("types", "folders", "tags");
  private static final Set<String> MATCH_KEYS = Set.of("byName", "byAliases", "onNoMatch");
  private static final Set<String> FIELD_KEYS = Set.of("value", "maxLength");

  private final Language simple;

  public MappingLoader(CamelContext camelContext) {
    this.simple = camelContext.resolveLanguage("simple");
  }

  /** Loads every {@code *.yaml} file of {@code dir}, in name order. */
  public Mappings load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new MappingException(dir.toString(), 0, null, "mapping folder does not exist");
    }
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path p : list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        files.put(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new MappingException(dir.toString(), 0, null, "cannot read: " + e.getMessage());
    }
    return load(files);
  }

  /** Loads the mapping files shipped in the jar. */
  public Mappings loadDefaults() {
    Map<String, String> files = new LinkedHashMap<>();
    for (String resource : DEFAULT_RESOURCES) {
      try (InputStream in = MappingLoader.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new MappingException(resource, 0, null, "not found on the classpath");
        }
        files.put(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new MappingException(resource, 0, null, "cannot read: " + e.getMessage());
      }
    }
    return load(files);
  }

  /** Validates the given files (name to content) into one mapping set. */
  public Mappings load(Map<String, String> files) {
    AccountMapping account = null;
    ActivityMapping activity = null;
    for (Map.Entry<String, String> f : files.entrySet()) {
      String file = f.getKey();
      MappingNode root = root(file, f.getValue());
      Map<String, NodeTuple> top = keys(file, "", root, null);
      String kind = text(file, "kind", required(file, "kind", top, root));
      switch (kind) {
        case "account" -> {
          if (account != null) {
            throw error(file, root, "kind", "a second account mapping (" + account.file() + ")");
          }
          keys(file, "", root, ACCOUNT_KEYS);
          account = account(file, root, top);
        }
        case "activity" -> {
          if (activity != null) {
            throw error(file, root, "kind", "a second activity mapping (" + activity.file() + ")");
          }
          keys(file, "", root, ACTIVITY_KEYS);
          activity = activity(file, root, top);
        }
        default ->
            throw error(
                file, top.get("kind").getValueNode(), "kind", "expected account or activity");
      }
    }
    if (account == null) {
      throw new MappingException(
          String.join(", ", files.keySet()), 0, "kind", "no account mapping");
    }
    if (activity == null) {
      throw new MappingException(
          String.join(", ", files.keySet()), 0, "kind", "no activity mapping");
    }
    return new Mappings(account, activity);
  }

  private AccountMapping account(String file, MappingNode root, Map<String, NodeTuple> top) {
    NoteSelector select = new NoteSelector(List.of(), List.of(), List.of());
    if (top.containsKey("select")) {
      MappingNode node = mapping(file, "select", top.get("select").getValueNode());
      Map<String, NodeTuple> s = keys(file, "select.", node, SELECT_KEYS);
      select =
          new NoteSelector(
              strings(file, "select.types", s.get("types")),
              strings(file, "select.folders", s.get("folders")),
              strings(file, "select.tags", s.get("tags")));
    }
    if (select.isEmpty()) {
      throw error(file, root, "select", "give at least one of types, folders, tags");
    }
    boolean byName = true;
    boolean byAliases = true;
    boolean create = true;
    if (top.containsKey("match")) {
      MappingNode node = mapping(file, "match", top.get("match").getValueNode());
      Map<String, NodeTuple> m = keys(file, "match.", node, MATCH_KEYS);
      byName = bool(file, "match.byName", m.get("byName"), true);
      byAliases = bool(file, "match.byAliases", m.get("byAliases"), true);
      if (m.containsKey("onNoMatch")) {
        String onNoMatch = text(file, "match.onNoMatch", m.get("onNoMatch").getValueNode());
        if (!onNoMatch.equals("create") && !onNoMatch.equals("report")) {
          throw error(
              file,
              m.get("onNoMatch").getValueNode(),
              "match.onNoMatch",
              "expected create or report");
        }
        create = onNoMatch.equals("create");
      }
    }
    String idProperty =
        top.containsKey("idProperty")
            ? text(file, "idProperty", top.get("idProperty").getValueNode())
            : "salesforce_id";
    return new AccountMapping(
        file,
        optionalText(file, "sObject", top, "Account"),
        select,
        idProperty,
        byName,
        byAliases,
        create,
        fields(file, required(file, "fields", top, root)));
  }

  private ActivityMapping activity(String file, MappingNode root, Map<String, NodeTuple> top) {
    return new ActivityMapping(
        file,
        optionalText(file, "sObject", top, "Task"),
        optionalText(file, "externalIdField", top, "Vault_Key__c"),
        optionalText(file, "section", top, "Recent Context"),
        fields(file, required(file, "fields", top, root)));
  }

  private List<FieldRule> fields(String file, Node node) {
    MappingNode fields = mapping(file, "fields", node);
    List<FieldRule> rules = new ArrayList<>();
    for (NodeTuple t : fields.getValue()) {
      String name = text(file, "fields", t.getKeyNode());
      String key = "fields." + name;
      Node value = t.getValueNode();
      int maxLength = 0;
      if (value instanceof MappingNode m) {
        Map<String, NodeTuple> f = keys(file, key + ".", m, FIELD_KEYS);
        if (!f.containsKey("value")) {
          throw error(file, m, key + ".value", "missing");
        }
        if (f.containsKey("maxLength")) {
          Node n = f.get("maxLength").getValueNode();
          if (!(n instanceof ScalarNode s) || !s.getTag().equals(Tag.INT)) {
            throw error(file, n, key + ".maxLength", "expected a positive integer");
          }
          maxLength = Integer.parseInt(s.getValue());
          if (maxLength <= 0) {
            throw error(file, n, key + ".maxLength", "expected a positive integer");
          }
        }
        value = f.get("value").getValueNode();
      }
      rules.add(rule(file, key, name, value, maxLength));
    }
    return rules;
  }

  private FieldRule rule(String file, String key, String name, Node value, int maxLength) {
    if (!(value instanceof ScalarNode s)) {
      throw error(file, value, key, "expected a Simple expression or a constant");
    }
    Tag tag = s.getTag();
    if (tag.equals(Tag.BOOL)) {
      return new FieldRule(name, s.getValue(), null, Boolean.parseBoolean(s.getValue()), maxLength);
    }
    if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
      return new FieldRule(name, s.getValue(), null, Double.valueOf(s.getValue()), maxLength);
    }
    if (tag.equals(Tag.NULL)) {
      throw error(file, value, key, "expected a Simple expression or a constant, got nothing");
    }
    try {
      Expression expression = simple.createExpression(s.getValue());
      return new FieldRule(name, s.getValue(), expression, null, maxLength);
    } catch (RuntimeException e) {
      throw error(file, value, key, "bad Simple expression: " + firstLine(e.getMessage()));
    }
  }

  private static MappingNode root(String file, String text) {
    try {
      Node node = new Yaml(new LoaderOptions()).compose(new StringReader(text));
      if (node instanceof MappingNode m) {
        return m;
      }
      throw new MappingException(file, 1, null, "expected a YAML mapping at the top");
    } catch (YAMLException e) {
      throw new MappingException(file, 0, null, "not valid YAML: " + firstLine(e.getMessage()));
    }
  }

  /** The keys of a mapping node; unknown keys fail when {@code allowed} is given. */
  private static Map<String, NodeTuple> keys(
      String file, String prefix, MappingNode node, Set<String> allowed) {
    Map<String, NodeTuple> keys = new LinkedHashMap<>();
    for (NodeTuple t : node.getValue()) {
      String key = text(file, prefix, t.getKeyNode());
      if (allowed != null && !allowed.contains(key)) {
        throw error(
            file,
            t.getKeyNode(),
            prefix + key,
            "unknown key; expected one of " + allowed.stream().sorted().toList());
      }
      if (keys.put(key, t) != null) {
        throw error(file, t.getKeyNode(), prefix + key, "duplicate key");
      }
    }
    return keys;
  }

  private static Node required(
      String file, String key, Map<String, NodeTuple> top, MappingNode root) {
    NodeTuple t = top.get(key);
    if (t == null) {
      throw error(file, root, key, "missing");
    }
    return t.getValueNode();
  }

  private static String optionalText(
      String file, String key, Map<String, NodeTuple> top, String fallback) {
    return top.containsKey(key) ? text(file, key, top.get(key).getValueNode()) : fallback;
  }

  private static MappingNode mapping(String file, String key, Node node) {
    if (node instanceof MappingNode m) {
      return m;
    }
    throw error(file, node, key, "expected a mapping of keys to values");
  }

  private static String text(String file, String key, Node node) {
    if (node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL) && !s.getValue().isBlank()) {
      return s.getValue();
    }
    throw error(file, node, key, "expected a non-empty text value");
  }

  private static boolean bool(String file, String key, NodeTuple t, boolean fallback) {
    if (t == null) {
      return fallback;
    }
    if (t.getValueNode() instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
      return Boolean.parseBoolean(s.getValue());
    }
    throw error(file, t.getValueNode(), key, "expected true or false");
  }

  private static List<String> strings(String file, String key, NodeTuple t) {
    if (t == null) {
      return List.of();
    }
    if (!(t.getValueNode() instanceof SequenceNode seq)) {
      throw error(file, t.getValueNode(), key, "expected a list of text values");
    }
    return seq.getValue().stream().map(n -> text(file, key, n)).toList();
  }

  private static MappingException error(String file, Node node, String key, String problem) {
    return new MappingException(file, node.getStartMark().getLine() + 1, key, problem);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}

package com.vaultcrmsync.mapping;

import com.vaultcrmsync.vault.ContextEntry;
import com.vaultcrmsync.vault.FrontMatter;
import com.vaultcrmsync.vault.Note;
import com.vaultcrmsync.vault.Section;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;

/**
 * Turns a note, or one of its entries, into the field map of a record by evaluating the mapping's
 * compiled Simple expressions over an exchange. The exchange's body is the note view (a map) and
 * these variables are set: {@code note} (the same map), {@code title}, {@code fileName}, {@code
 * path}, {@code frontMatter} (map), {@code sections} (heading title to its text, trimmed), {@code
 * tags}, {@code aliases}, and for entries {@code entry} (date, dateText, target, alias, heading,
 * text, subject, summary, via, viaText = {@code (via <via>)}, raw) and {@code accountId}.
 *
 * <p>Results are stripped and blank ones become null so that a missing section and an empty one map
 * alike.
 */
public final class RecordMapper {
  private final CamelContext camelContext;
  private final Mappings mappings;

  public RecordMapper(CamelContext camelContext, Mappings mappings) {
    this.camelContext = camelContext;
    this.mappings = mappings;
  }

  public Mappings mappings() {
    return mappings;
  }

  /** Whether the account mapping selects this note. */
  public boolean selects(Note note) {
    return mappings.account().select().matches(note.relativePath(), frontMatter(note));
  }

  /** The note's {@code aliases} front matter list (a single text counts as one alias). */
  public List<String> aliases(Note note) {
    return NoteSelector.values(frontMatter(note).get("aliases"));
  }

  /** The account fields the vault owns, in mapping order. */
  public Map<String, Object> accountFields(Note note) {
    return evaluate(mappings.account().fields(), noteView(note));
  }

  /**
   * The activity fields of one entry, in mapping order; the engine adds the parent lookup and the
   * external id.
   */
  public Map<String, Object> activityFields(Note note, ContextEntry entry, String accountId) {
    Map<String, Object> vars = noteView(note);
    vars.put("entry", entryView(entry));
    vars.put("accountId", accountId);
    return evaluate(mappings.activity().fields(), vars);
  }

  private Map<String, Object> evaluate(List<FieldRule> rules, Map<String, Object> vars) {
    Exchange exchange = new DefaultExchange(camelContext);
    exchange.getMessage().setBody(vars);
    vars.forEach(exchange::setVariable);
    exchange.setVariable("note", vars);
    Map<String, Object> out = new LinkedHashMap<>();
    for (FieldRule rule : rules) {
      Object value =
          rule.expression() == null
              ? rule.constant()
              : rule.expression().evaluate(exchange, Object.class);
      out.put(rule.field(), normalise(value, rule.maxLength()));
    }
    return out;
  }

  private static Object normalise(Object value, int maxLength) {
    if (value == null || value instanceof Boolean || value instanceof Number) {
      return value;
    }
    String s = String.valueOf(value).strip();
    if (s.isEmpty()) {
      return null;
    }
    if (maxLength > 0 && s.length() > maxLength) {
      int cut = maxLength;
      if (Character.isHighSurrogate(s.charAt(cut - 1))) {
        cut--;
      }
      s = s.substring(0, cut);
    }
    return s;
  }

  /** The note as a map of plain values, the variables the expressions see. */
  public static Map<String, Object> noteView(Note note) {
    Map<String, Object> fm = frontMatter(note);
    Map<String, Object> sections = new LinkedHashMap<>();
    for (Section s : note.sections()) {
      sections.putIfAbsent(s.title(), note.text().substring(s.bodyStart(), s.end()).strip());
    }
    String path = note.relativePath();
    String fileName = path.substring(path.lastIndexOf('/') + 1);
    if (fileName.endsWith(".md")) {
      fileName = fileName.substring(0, fileName.length() - 3);
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("title", note.title());
    view.put("fileName", fileName);
    view.put("path", path);
    view.put("frontMatter", fm);
    view.put("sections", sections);
    view.put("tags", NoteSelector.values(fm.get("tags")));
    view.put("aliases", NoteSelector.values(fm.get("aliases")));
    return view;
  }

  static Map<String, Object> entryView(ContextEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("date", e.date() == null ? null : e.date().toString());
    m.put("dateText", e.dateText());
    m.put("target", e.target());
    m.put("alias", e.alias());
    m.put("heading", e.heading());
    m.put("text", e.text());
    m.put("subject", e.subject());
    m.put("summary", e.summary());
    m.put("via", e.via());
    m.put("viaText", e.via() == null ? null : "(via " + e.via() + ")");
    m.put("raw", e.raw());
    m.put("line", e.line());
    return m;
  }

  private static Map<String, Object> frontMatter(Note note) {
    return note.frontMatter().map(FrontMatter::values).orElse(Map.of());
  }
}

package com.vaultcrmsync.vault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code inspect} JSON of a note (a stable contract): {@code path, type, title, lastContact,
 * frontMatter, sections, entries, errors, warnings}. {@code errors} holds ERROR problems only;
 * WARNING problems go to {@code warnings}. A problem about the whole file has {@code line: null}.
 * Non-ASCII characters are written as {@code \\uXXXX} escapes, so the output survives any terminal
 * encoding.
 */
public final class NoteJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
          .build();

  private NoteJson() {}

  /** The note as an ordered map of JSON values. */
  public static Map<String, Object> toMap(Note note) {
    Map<String, Object> json = new LinkedHashMap<>();
    Map<String, Object> frontMatter = note.frontMatter().map(FrontMatter::values).orElse(Map.of());
    json.put("path", note.relativePath());
    json.put("type", note.frontMatter().map(fm -> fm.string("type")).orElse(null));
    json.put("title", note.title());
    json.put("lastContact", note.lastContact().map(LocalDate::toString).orElse(null));
    json.put("frontMatter", frontMatter);
    json.put("sections", note.sections().stream().map(Section::title).toList());
    List<Map<String, Object>> entries = new ArrayList<>();
    for (ContextEntry e : note.entries()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("line", e.line());
      entry.put("date", e.date() == null ? null : e.date().toString());
      entry.put("dateText", e.dateText());
      entry.put("target", e.target());
      entry.put("alias", e.alias());
      entry.put("heading", e.heading());
      entry.put("text", e.text());
      entry.put("summary", e.summary());
      entry.put("via", e.via());
      entry.put("crmId", e.crmId());
      entries.add(entry);
    }
    json.put("entries", entries);
    json.put("errors", problems(note, NoteProblem.Severity.ERROR));
    json.put("warnings", problems(note, NoteProblem.Severity.WARNING));
    return json;
  }

  /** The note as pretty-printed JSON text. */
  public static String toJson(Note note) {
    try {
      return MAPPER.writeValueAsString(toMap(note));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the JSON of " + note.relativePath(), e);
    }
  }

  private static List<Map<String, Object>> problems(Note note, NoteProblem.Severity severity) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (NoteProblem p : note.problems()) {
      if (p.severity() == severity) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("message", p.message());
        problem.put("line", p.line() == 0 ? null : p.line());
        list.add(problem);
      }
    }
    return list;
  }
}

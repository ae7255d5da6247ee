package com.vaultcrmsync.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A generated corpus of malformed and hostile notes, by vault path. {@link #broken()} are notes no
 * sync may read (each must be reported and left untouched); {@link #hostileButValid()} are valid
 * notes with hostile content that must sync as written.
 */
final class HostileNotes {
  private static final int MIB = 1024 * 1024;

  private HostileNotes() {}

  /** At least 50 notes that cannot be read: bad YAML, bombs, bad bytes, binaries, bad ids... */
  static Map<String, byte[]> broken() {
    Map<String, byte[]> m = new LinkedHashMap<>();
    // Bad YAML.
    String[] badYaml = {
      "title: [unclosed",
      "title: \"unterminated",
      "title: 'unterminated",
      ": : :",
      "type: customer\n  indented: badly\n bad: indent",
      "type: customer\ntype: partner",
      "\ttitle: tab-indented",
      "{",
      "- a list, not a map",
      "just a scalar",
      "title: !!python/object/apply:os.system ['id']",
      "title: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]",
      "key: value\n? complex key\n: [1, 2",
      "title: @reserved",
      "title: `backtick",
      "%YAML 9.9\n---\ntitle: x",
    };
    for (int i = 0; i < badYaml.length; i++) {
      m.put("bad-yaml/" + i + ".md", fm(badYaml[i]));
    }
    // YAML alias bombs (billion laughs) of several shapes.
    m.put("bombs/laughs.md", fm(laughs(9, "a", "[", "]")));
    m.put("bombs/laughs-map.md", fm(laughsMap(9)));
    m.put("bombs/wide.md", fm(wideAliases(2000)));
    // Deep nesting.
    m.put("deep/flow-lists.md", fm("type: customer\nx: " + "[".repeat(5000) + "]".repeat(5000)));
    m.put(
        "deep/flow-maps.md",
        fm("type: customer\nx: " + "{a: ".repeat(3000) + "1" + "}".repeat(3000)));
    m.put("deep/block.md", fm("type: customer\n" + deepBlock(200)));
    m.put("deep/unclosed.md", fm("type: customer\nx: " + "[".repeat(100000)));
    // Huge lines inside the front matter (beyond the YAML size limit, under the note size cap).
    m.put("huge/front-matter-line.md", fm("type: customer\ntitle: " + "x".repeat(3 * MIB)));
    m.put("huge/front-matter-keys.md", fm("type: customer\n" + manyKeys(120_000)));
    // Invalid UTF-8.
    m.put("utf8/lone-ff.md", concat(fm("type: customer\ntitle: A"), bytes(0xFF)));
    m.put("utf8/overlong-slash.md", concat(fm("type: customer\ntitle: B"), bytes(0xC0, 0xAF)));
    m.put("utf8/truncated.md", concat(fm("type: customer\ntitle: C"), bytes(0xE2, 0x82)));
    m.put("utf8/surrogate.md", concat(fm("type: customer\ntitle: D"), bytes(0xED, 0xA0, 0x80)));
    m.put(
        "utf8/in-front-matter.md",
        concat(ascii("---\ntitle: "), bytes(0xFE, 0xFE), ascii("\n---\n")));
    m.put(
        "utf8/latin1.md",
        "---\ntype: customer\ntitle: Caf\u00e9\n---\n".getBytes(StandardCharsets.ISO_8859_1));
    m.put(
        "utf8/five-byte.md",
        concat(fm("type: customer\ntitle: E"), bytes(0xF8, 0x88, 0x80, 0x80, 0x80)));
    // NUL bytes (a UTF-16 file reads as valid UTF-8 full of NULs).
    m.put("nul/in-body.md", concat(fm("type: customer\ntitle: Nul Co"), ascii("# Nul\0Co\n")));
    m.put("nul/in-title.md", ascii("---\ntype: customer\ntitle: Nul\0Title\n---\n"));
    m.put(
        "nul/utf16.md",
        "---\ntype: customer\ntitle: Wide\n---\n".getBytes(StandardCharsets.UTF_16LE));
    m.put(
        "nul/utf16-bom.md",
        "---\ntype: customer\ntitle: Wide\n---\n".getBytes(StandardCharsets.UTF_16));
    // Unterminated front matter.
    m.put(
        "unterminated/lf.md",
        ascii("---\ntype: customer\ntitle: Open\n# Open\n## Recent Context\n"));
    m.put("unterminated/crlf.md", ascii("---\r\ntype: customer\r\ntitle: Open CRLF\r\n"));
    m.put("unterminated/only-fence.md", ascii("---\n"));
    m.put("unterminated/dots.md", ascii("---\ntype: customer\ntitle: Dots\n...\n"));
    // Too large.
    m.put(
        "large/ten-mib.md", concat(fm("type: customer\ntitle: Big"), ascii("a".repeat(10 * MIB))));
    m.put("large/ten-mib-one-line.md", ascii("x".repeat(10 * MIB)));
    // Binary files named .md.
    Random random = new Random(7);
    m.put(
        "binary/png.md",
        concat(bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'), randomBytes(random, 4096)));
    m.put("binary/zip.md", concat(ascii("PK\u0003\u0004"), randomBytes(random, 4096)));
    m.put("binary/random.md", randomBytes(random, 65536));
    m.put("binary/elf.md", concat(bytes(0x7F, 'E', 'L', 'F', 2, 1, 1, 0), new byte[1024]));
    // Ids that are not Salesforce ids.
    String[] badIds = {
      "../../etc/passwd",
      "001' OR Name != '",
      "12345",
      "001XXXXXXXXXXXXXXXXXX",
      "<script>alert(1)</script>",
      "[001000000000001AAA]",
    };
    for (int i = 0; i < badIds.length; i++) {
      m.put(
          "bad-id/" + i + ".md",
          fm("type: customer\ntitle: Bad Id " + i + "\nsalesforce_id: " + quote(badIds[i])));
    }
    // Dates out of range.
    m.put(
        "dates/last-contact-year-99999.md",
        fm("type: customer\ntitle: Far Future\nlast_contact: 99999-12-31"));
    m.put(
        "dates/last-contact-month-13.md",
        fm("type: customer\ntitle: Month Thirteen\nlast_contact: 2025-13-01"));
    m.put(
        "dates/last-contact-feb-30.md",
        fm("type: customer\ntitle: Feb Thirty\nlast_contact: 2025-02-30"));
    m.put(
        "dates/last-contact-text.md",
        fm("type: customer\ntitle: Text Date\nlast_contact: [2025, 1, 1]"));
    return m;
  }

  /** Valid notes with hostile content: they sync, their content is stored as written. */
  static Map<String, String> hostileButValid() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(
        "valid/script-title.md",
        note("<script>alert('x')</script>", "<img src=x onerror=alert(1)>"));
    m.put(
        "valid/html-title.md",
        note("<b>Bold</b> & \"Quoted\" Co", "</td></tr><iframe src=//127.0.0.1>"));
    m.put("valid/soql-injection.md", note("Evil' OR Name LIKE '%", "'; DELETE FROM Account; --"));
    m.put("valid/backslashes.md", note("Back\\\\slash\\' Co", "\\n\\t\\u0000"));
    m.put(
        "valid/unicode.md",
        note(
            "Zero\u200bWidth \u202eRTL\u202c \uD83D\uDE00 Co",
            "emoji \uD83D\uDCA5 and \u0301 combining"));
    m.put("valid/markdown-title.md", note("[[Link]] *star* `code` Co", "[x](javascript:alert(1))"));
    m.put("valid/huge-body-line.md", note("Huge Line Co", "y".repeat(2 * MIB)));
    return m;
  }

  private static String note(String title, String summary) {
    return "---\ntype: customer\ntitle: "
        + quote(title)
        + "\n---\n# Note\n\n## Recent Context\n- 2026-01-05: Call - "
        + summary
        + " (via Test)\n";
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static byte[] fm(String yaml) {
    return ascii("---\n" + yaml + "\n---\n# Broken\n\n## Recent Context\n- 2026-01-05: Call - x\n");
  }

  private static String laughs(int levels, String name, String open, String close) {
    StringBuilder sb = new StringBuilder("type: customer\n" + name + "0: &" + name + "0 [lol]\n");
    for (int i = 1; i <= levels; i++) {
      sb.append(name).append(i).append(": &").append(name).append(i).append(' ').append(open);
      for (int j = 0; j < 9; j++) {
        sb.append(j == 0 ? "" : ", ").append('*').append(name).append(i - 1);
      }
      sb.append(close).append('\n');
    }
    return sb.toString();
  }

  private static String laughsMap(int levels) {
    StringBuilder sb = new StringBuilder("type: customer\nm0: &m0 {a: lol}\n");
    for (int i = 1; i <= levels; i++) {
      sb.append("m").append(i).append(": &m").append(i).append(" {");
      for (int j = 0; j < 9; j++) {
        sb.append(j == 0 ? "" : ", ").append("k").append(j).append(": *m").append(i - 1);
      }
      sb.append("}\n");
    }
    return sb.toString();
  }

  private static String wideAliases(int n) {
    StringBuilder sb = new StringBuilder("type: customer\nbase: &b [1, 2, 3]\nrefs: [");
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : ", ").append("*b");
    }
    return sb.append("]").toString();
  }

  private static String deepBlock(int depth) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      sb.append("  ".repeat(i)).append("k").append(i).append(":\n");
    }
    return sb.append("  ".repeat(depth)).append("v").toString();
  }

  private static String manyKeys(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append("key").append(i).append(": value").append(i).append('\n');
    }
    return sb.toString();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  private static byte[] randomBytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private static byte[] concat(byte[]... parts) {
    List<byte[]> list = new ArrayList<>(Arrays.asList(parts));
    int n = list.stream().mapToInt(p -> p.length).sum();
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : list) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}

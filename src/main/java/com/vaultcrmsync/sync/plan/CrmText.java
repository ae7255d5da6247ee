package com.vaultcrmsync.sync.plan;

import java.util.regex.Pattern;

/**
 * Neutralises CRM text before it is written into a note, so that what a colleague (or an attacker
 * with CRM access) typed stays text when Obsidian renders the note: {@code ![} (an embedded image,
 * a tracking pixel) becomes {@code \![}, {@code %%} (a comment that hides the rest of the note)
 * becomes {@code \%\%}, {@code <} (inline HTML such as {@code <img>}) becomes {@code \<}, and a
 * {@code javascript:} or {@code vbscript:} scheme becomes {@code javascript\:}. The text stays
 * readable; Obsidian shows the escaped characters as typed.
 */
final class CrmText {
  private static final Pattern SCRIPT_SCHEME = Pattern.compile("(?i)\\b(javascript|vbscript):");

  private CrmText() {}

  static String neutralise(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text.replace("![", "\\![").replace("%%", "\\%\\%").replace("<", "\\<");
    return SCRIPT_SCHEME.matcher(out).replaceAll("$1\\\\:");
  }
}

package com.vaultcrmsync.crm;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secrets of the Salesforce connection (client secret, password, refresh token, keystore
 * password), so that any text leaving the gateway — log lines, exception messages — can be cleaned
 * of them even if a server echoes one back; also strips user info and query strings from every URL
 * printed or logged ({@link #redactUrl}, {@link #redactUrlsIn}).
 */
public final class SecretMask {
  private static final String MASK = "****";
  private final List<String> secrets;

  public SecretMask(Collection<String> secrets) {
    // Very short values would mask ordinary words; real secrets are longer.
    this.secrets =
        secrets.stream().filter(Objects::nonNull).filter(s -> s.length() >= 4).distinct().toList();
  }

  public static SecretMask none() {
    return new SecretMask(List.of());
  }

  /**
   * The text with every secret replaced by {@code ****} and every URL in it without user info and
   * query string ({@link #redactUrlsIn}); null stays null.
   */
  public String apply(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, MASK);
    }
    return redactUrlsIn(out);
  }

  // URLs as they may be printed or logged: without user info ({@code user:password@}), query
  // string or fragment, where secrets hide ({@code http://user:secret@host/x?pw=secret} becomes
  // {@code http://host/x}). Every message that shows a URL goes through one of these.

  private static final Pattern URL = Pattern.compile("\\b[A-Za-z][A-Za-z0-9+.-]*://[^\\s'\"<>]+");

  /** The URL without user info, query string and fragment; null stays null. */
  public static String redactUrl(String url) {
    if (url == null) {
      return null;
    }
    String s = url.strip();
    int cut = indexOfAny(s, '?', '#');
    if (cut >= 0) {
      s = s.substring(0, cut);
    }
    int scheme = s.indexOf("://");
    int authorityStart = scheme >= 0 ? scheme + 3 : 0;
    int slash = s.indexOf('/', authorityStart);
    int authorityEnd = slash >= 0 ? slash : s.length();
    int at = s.lastIndexOf('@', authorityEnd - 1);
    if (at >= authorityStart) {
      s = s.substring(0, authorityStart) + s.substring(at + 1);
    }
    return s;
  }

  /** The text with every {@code scheme://…} URL in it redacted; null stays null. */
  public static String redactUrlsIn(String text) {
    if (text == null || !text.contains("://")) {
      return text;
    }
    Matcher m = URL.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(redactUrl(m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static int indexOfAny(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }
}

package com.vaultcrmsync.emulator.org;

import com.vaultcrmsync.sfid.IdFormat;
import java.util.Locale;

/**
 * Salesforce record ids: 15 case-sensitive base-62 characters (3-character key prefix, 2-character
 * pod, sequence) plus a 3-character checksum that makes the 18-character form case-insensitive.
 */
public final class SalesforceId {

  // ASCII order, so ids of one prefix sort in the order they were generated.
  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String POD = "5e";

  private SalesforceId() {}

  /** The 18-character id for key prefix {@code prefix} and sequence number {@code sequence}. */
  public static String generate(String prefix, long sequence) {
    if (prefix.length() != 3) {
      throw new IllegalArgumentException("key prefix must have 3 characters: " + prefix);
    }
    char[] digits = new char[10];
    long rest = sequence;
    for (int i = digits.length - 1; i >= 0; i--) {
      digits[i] = BASE62.charAt((int) (rest % 62));
      rest /= 62;
    }
    return to18(prefix + POD + new String(digits));
  }

  /** The sequence number of an id made by {@link #generate}, or -1 for any other id. */
  public static long sequence(String id) {
    if (!isValid(id) || !id.substring(3, 5).equals(POD)) {
      return -1;
    }
    long value = 0;
    for (int i = 5; i < 15; i++) {
      value = value * 62 + BASE62.indexOf(id.charAt(i));
    }
    return value;
  }

  /** Appends the checksum to a 15-character id; an 18-character id is returned normalised. */
  public static String to18(String id) {
    if (id.length() == 18) {
      return normalise18(id);
    }
    if (id.length() != 15 || !isBase62(id)) {
      throw new IllegalArgumentException("not a 15-character id: " + id);
    }
    return id + IdFormat.checksum(id);
  }

  /** Whether {@code id} is a well-formed 15- or 18-character id (checksum verified). */
  public static boolean isValid(String id) {
    if (id == null) {
      return false;
    }
    if (id.length() == 15) {
      return isBase62(id);
    }
    if (id.length() != 18 || !isBase62(id)) {
      return false;
    }
    return normalise18(id) != null;
  }

  /**
   * The canonical 18-character form of a valid id, or null when {@code id} is malformed. An
   * 18-character id may come in any casing: its checksum restores the casing of the first 15.
   */
  public static String canonical(String id) {
    if (!isValid(id)) {
      return null;
    }
    return id.length() == 15 ? to18(id) : normalise18(id);
  }

  /** The 3-character key prefix of an id. */
  public static String prefix(String id) {
    return id.substring(0, 3);
  }

  private static String normalise18(String id) {
    String suffix = id.substring(15);
    if (!suffix.chars().allMatch(c -> IdFormat.CHECKSUM_ALPHABET.indexOf(c) >= 0)) {
      suffix = suffix.toUpperCase(Locale.ROOT);
    }
    char[] head = id.substring(0, 15).toCharArray();
    for (int chunk = 0; chunk < 3; chunk++) {
      int bits = IdFormat.CHECKSUM_ALPHABET.indexOf(suffix.charAt(chunk));
      if (bits < 0) {
        return null;
      }
      for (int j = 0; j < 5; j++) {
        int at = chunk * 5 + j;
        char c = head[at];
        boolean upper = (bits & (1 << j)) != 0;
        if (Character.isLetter(c)) {
          head[at] = upper ? Character.toUpperCase(c) : Character.toLowerCase(c);
        } else if (upper) {
          return null;
        }
      }
    }
    return new String(head) + suffix;
  }

  private static boolean isBase62(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (BASE62.indexOf(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }
}

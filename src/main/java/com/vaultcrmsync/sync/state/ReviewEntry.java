package com.vaultcrmsync.sync.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One persistent item of the {@link ReviewQueue}: something a run could not decide, kept until a
 * person resolves or ignores it or its situation goes away. (Not {@code report.ReviewItem}, which
 * is one run report's view of what needs a person.)
 *
 * @param id stable and URL-safe: {@link #idOf} of kind, note and record
 * @param kind what could not be decided
 * @param notePath the note's vault-relative path, or null when no note is concerned
 * @param recordKey the entry key or CRM id concerned, or null for the note as a whole
 * @param line 1-based line in the note when last raised, or null
 * @param summary one line for a person
 * @param detail JSON of the two versions or the candidates, or null
 * @param status open, ignored or resolved
 * @param firstSeen when it was first raised
 * @param lastSeen when it was last raised
 * @param resolution how a person (or the situation going away) closed it, or null while open
 */
public record ReviewEntry(
    String id,
    Kind kind,
    String notePath,
    String recordKey,
    Integer line,
    String summary,
    String detail,
    Status status,
    Instant firstSeen,
    Instant lastSeen,
    String resolution) {

  /** What a run could not decide (DESIGN §4, review queue); stored as {@link #code}. */
  public enum Kind {
    AMBIGUOUS,
    UNMATCHED,
    CONFLICT,
    ERROR,
    DELETE
  }

  /** Where an item stands; only an open item holds back writes to what it concerns. */
  public enum Status {
    OPEN,
    IGNORED,
    RESOLVED
  }

  /** The stored and shown form of a kind or status: its lower-case name. */
  public static String code(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  static <E extends Enum<E>> E of(Class<E> type, String code) {
    return Enum.valueOf(type, code.toUpperCase(Locale.ROOT));
  }

  public boolean isOpen() {
    return status == Status.OPEN;
  }

  /**
   * The id of the item about {@code recordKey} in {@code notePath} of this kind: the first 10 bytes
   * of the SHA-256 of kind, note and record (NUL-separated, which no path or key contains) in
   * lower-case hex, so the same situation gets the same id in every run and on every machine.
   */
  public static String idOf(Kind kind, String notePath, String recordKey) {
    String subject =
        code(kind)
            + '\0'
            + (notePath == null ? "" : notePath)
            + '\0'
            + (recordKey == null ? "" : recordKey);
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}

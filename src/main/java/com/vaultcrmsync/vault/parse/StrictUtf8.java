package com.vaultcrmsync.vault.parse;

import java.util.Arrays;

/**
 * Decodes a note's bytes when they are well-formed UTF-8 without a NUL, in one pass into a reused
 * buffer that also finds the line starts. The JDK's {@code new String(bytes, UTF_8)} replaces bad
 * bytes instead of reporting them, so it needs a second look for U+FFFD, and it allocates the text
 * three times over for a note with a char beyond Latin-1 (a typographic quote is enough); this
 * allocates it once plus the string. Anything it does not accept goes to the JDK's strict decoder,
 * which names the bad byte.
 */
final class StrictUtf8 {
  /**
   * Notes up to this many bytes decode into the thread's reused buffer; larger ones into their own.
   */
  private static final int REUSED_BUFFER_LIMIT = 1 << 16;

  private static final ThreadLocal<char[]> BUFFER =
      ThreadLocal.withInitial(() -> new char[REUSED_BUFFER_LIMIT]);

  /** The reused line-start buffer grows up to this many lines; a longer note gets its own. */
  private static final int REUSED_LINE_STARTS_LIMIT = 8192;

  private static final ThreadLocal<int[]> LINE_STARTS = ThreadLocal.withInitial(() -> new int[256]);

  private StrictUtf8() {}

  /**
   * The text of {@code bytes} with its line starts (as {@link LineIndex} finds them), or null when
   * they are not well-formed UTF-8 (overlong forms, surrogates, code points past U+10FFFF and cut
   * sequences included) or hold a NUL.
   */
  static LineIndex decode(byte[] bytes) {
    char[] dst = bytes.length <= REUSED_BUFFER_LIMIT ? BUFFER.get() : new char[bytes.length];
    int[] starts = LINE_STARTS.get();
    int lines = 1;
    int sp = 0;
    int dp = 0;
    int end = bytes.length;
    while (sp < end) {
      int b1 = bytes[sp];
      if (b1 > '\r') {
        dst[dp++] = (char) b1;
        sp++;
      } else if (b1 > 0) {
        dst[dp++] = (char) b1;
        sp++;
        // A line ends at LF, or at a CR that no LF follows.
        if (b1 == '\n' || b1 == '\r' && (sp == end || bytes[sp] != '\n')) {
          if (lines == starts.length) {
            starts = Arrays.copyOf(starts, lines * 2);
            if (starts.length <= REUSED_LINE_STARTS_LIMIT) {
              LINE_STARTS.set(starts);
            }
          }
          starts[lines++] = dp;
        }
      } else if ((b1 & 0xE0) == 0xC0) {
        if (sp + 1 >= end || (b1 & 0xFF) < 0xC2 || !isContinuation(bytes[sp + 1])) {
          return null;
        }
        dst[dp++] = (char) ((b1 & 0x1F) << 6 | bytes[sp + 1] & 0x3F);
        sp += 2;
      } else if ((b1 & 0xF0) == 0xE0) {
        if (sp + 2 >= end || !isContinuation(bytes[sp + 1]) || !isContinuation(bytes[sp + 2])) {
          return null;
        }
        char c = (char) ((b1 & 0x0F) << 12 | (bytes[sp + 1] & 0x3F) << 6 | bytes[sp + 2] & 0x3F);
        if (c < 0x800 || Character.isSurrogate(c)) {
          return null;
        }
        dst[dp++] = c;
        sp += 3;
      } else if ((b1 & 0xF8) == 0xF0) {
        if (sp + 3 >= end
            || !isContinuation(bytes[sp + 1])
            || !isContinuation(bytes[sp + 2])
            || !isContinuation(bytes[sp + 3])) {
          return null;
        }
        int cp =
            (b1 & 0x07) << 18
                | (bytes[sp + 1] & 0x3F) << 12
                | (bytes[sp + 2] & 0x3F) << 6
                | bytes[sp + 3] & 0x3F;
        if (cp < 0x10000 || cp > Character.MAX_CODE_POINT) {
          return null;
        }
        dst[dp++] = Character.highSurrogate(cp);
        dst[dp++] = Character.lowSurrogate(cp);
        sp += 4;
      } else {
        // NUL, a stray continuation byte, or a byte that never starts a sequence.
        return null;
      }
    }
    return new LineIndex(new String(dst, 0, dp), Arrays.copyOf(starts, lines), lines);
  }

  private static boolean isContinuation(byte b) {
    return (b & 0xC0) == 0x80;
  }
}

package com.vaultcrmsync.vault.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Proves {@link StrictUtf8} accepts exactly the NUL-free input the JDK's strict UTF-8 decoder
 * accepts, and decodes it to the same text.
 */
class StrictUtf8Test {
  private static final String SAMPLES =
      "a\u00e9\u2019\u201c\u00a0\ufffd\ufeff\ud83d\ude00\u4e2d\u0800\u07ff\uffff\ud800\udc00";

  @Test
  void randomBytesDecodeAsTheStrictJdkDecoderDecodesThem() {
    Random random = new Random(8);
    for (int i = 0; i < 200_000; i++) {
      byte[] bytes;
      if (random.nextBoolean()) {
        StringBuilder sb = new StringBuilder();
        for (int n = random.nextInt(12); n > 0; n--) {
          int at = random.nextInt(SAMPLES.length());
          char c = SAMPLES.charAt(at);
          sb.append(
              Character.isHighSurrogate(c) && at + 1 < SAMPLES.length()
                  ? SAMPLES.substring(at, at + 2)
                  : Character.isSurrogate(c) ? "x" : String.valueOf(c));
        }
        bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        for (int flips = random.nextInt(3); flips > 0 && bytes.length > 0; flips--) {
          bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        if (bytes.length > 0 && random.nextInt(5) == 0) {
          bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
        }
      } else {
        bytes = new byte[random.nextInt(6)];
        for (int j = 0; j < bytes.length; j++) {
          bytes[j] =
              (byte) (random.nextBoolean() ? 0x80 + random.nextInt(128) : random.nextInt(256));
        }
      }
      assertDecodesAsTheJdk(bytes);
    }
  }

  @Test
  void malformedFormsAreRefused() {
    for (String hex :
        new String[] {
          "c080", "c1bf", "e08080", "e09fbf", "eda080", "edbfbf", "f08080 80", "f08fbfbf",
          "f4908080", "f5808080", "ff", "80", "e282", "f09f98", "00", "610062"
        }) {
      byte[] bytes = HexFormat.of().parseHex(hex.replace(" ", ""));
      assertThat(StrictUtf8.decode(bytes)).as(hex).isNull();
    }
  }

  @Test
  void largeNotesDecodeOutsideTheReusedBuffer() {
    String text = "\u2019x".repeat(40_000);
    assertThat(StrictUtf8.decode(text.getBytes(StandardCharsets.UTF_8)).text()).isEqualTo(text);
    assertThat(StrictUtf8.decode("short".getBytes(StandardCharsets.UTF_8)).text())
        .isEqualTo("short");
  }

  private static void assertDecodesAsTheJdk(byte[] bytes) {
    String expected;
    try {
      expected =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      expected = null;
    }
    if (expected != null && expected.indexOf('\0') >= 0) {
      expected = null;
    }
    LineIndex decoded = StrictUtf8.decode(bytes);
    String hex = HexFormat.of().formatHex(bytes);
    if (expected == null) {
      assertThat(decoded).as(hex).isNull();
      return;
    }
    assertThat(decoded).as(hex).isNotNull();
    assertThat(decoded.text()).as(hex).isEqualTo(expected);
    assertSameLines(decoded, new LineIndex(expected), hex);
  }

  @Test
  void lineStartsAreTheLineIndexsForEveryKindOfBreak() {
    Random random = new Random(9);
    String[] parts = {"a", "\u2019", "\n", "\r", "\r\n", "\n\r", " ", "\t"};
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int n = random.nextInt(600); n > 0; n--) {
        sb.append(parts[random.nextInt(parts.length)]);
      }
      String text = sb.toString();
      LineIndex decoded = StrictUtf8.decode(text.getBytes(StandardCharsets.UTF_8));
      assertThat(decoded.text()).isEqualTo(text);
      assertSameLines(decoded, new LineIndex(text), text);
    }
  }

  private static void assertSameLines(LineIndex actual, LineIndex expected, String what) {
    assertThat(actual.lineCount()).as(what).isEqualTo(expected.lineCount());
    for (int line = 1; line <= expected.lineCount() + 1; line++) {
      assertThat(actual.next(line)).as("%s line %d", what, line).isEqualTo(expected.next(line));
    }
    for (int line = 1; line <= expected.lineCount(); line++) {
      assertThat(actual.start(line)).as("%s line %d", what, line).isEqualTo(expected.start(line));
    }
  }
}

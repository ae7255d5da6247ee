package com.vaultcrmsync.vault.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.vault.LineEnding;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Proves the line index's line ending is the majority of CRLF against LF breaks. */
class LineIndexTest {
  @Test
  void theLineEndingIsCrlfExactlyWhenMostLineFeedsFollowACarriageReturn() {
    Random random = new Random(12);
    String[] parts = {"a", "\u2019", "\n", "\r", "\r\n", " "};
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int n = random.nextInt(40); n > 0; n--) {
        sb.append(parts[random.nextInt(parts.length)]);
      }
      String text = sb.toString();
      int crlf = 0;
      int lf = 0;
      for (int at = 0; at < text.length(); at++) {
        if (text.charAt(at) == '\n') {
          if (at > 0 && text.charAt(at - 1) == '\r') {
            crlf++;
          } else {
            lf++;
          }
        }
      }
      LineEnding expected = crlf > lf ? LineEnding.CRLF : LineEnding.LF;
      assertThat(new LineIndex(text).lineEnding()).as(text).isEqualTo(expected);
    }
  }
}

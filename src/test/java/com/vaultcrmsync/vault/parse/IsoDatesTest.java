package com.vaultcrmsync.vault.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Proves {@link IsoDates#parse} gives the dates and the failures of {@link LocalDate#parse}. */
class IsoDatesTest {
  @Test
  void randomDateLikeTextParsesAsLocalDateParseDoes() {
    Random random = new Random(27);
    String chars = "0123456789-+ ";
    for (int i = 0; i < 50_000; i++) {
      StringBuilder sb = new StringBuilder();
      if (random.nextBoolean()) {
        LocalDate base = LocalDate.of(1990, 1, 1).plusDays(random.nextInt(20_000));
        sb.append(base);
        sb.setCharAt(random.nextInt(10), chars.charAt(random.nextInt(chars.length())));
      } else {
        for (int n = 8 + random.nextInt(5); n > 0; n--) {
          sb.append(chars.charAt(random.nextInt(chars.length())));
        }
      }
      String text = sb.toString();
      LocalDate expected;
      try {
        expected = LocalDate.parse(text);
      } catch (DateTimeException e) {
        assertThatThrownBy(() -> IsoDates.parse(text))
            .as(text)
            .isInstanceOf(DateTimeException.class);
        continue;
      }
      assertThat(IsoDates.parse(text)).as(text).isEqualTo(expected);
    }
  }

  @Test
  void impossibleAndLeapDatesAreJudgedAsTheCalendarDoes() {
    assertThat(IsoDates.parse("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThatThrownBy(() -> IsoDates.parse("2025-02-29")).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> IsoDates.parse("2025-13-01")).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> IsoDates.parse("2025-00-10")).isInstanceOf(DateTimeException.class);
    assertThat(IsoDates.parse("+12025-01-01")).isEqualTo(LocalDate.of(12025, 1, 1));
  }
}

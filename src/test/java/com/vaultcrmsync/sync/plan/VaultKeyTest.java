package com.vaultcrmsync.sync.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.crm.SalesforceId;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Proves that vault keys are deterministic and ignore cosmetic differences only. */
class VaultKeyTest {
  private static final LocalDate DAY = LocalDate.of(2025, 12, 19);

  @Test
  void sameInputsGiveTheSameKeyAndFifteenCharIdsEqualTheirLongForm() {
    assertThat(VaultKey.of("001D000000IqhSL", DAY, "2025-12-19"))
        .isEqualTo(VaultKey.of("001D000000IqhSLIAZ", DAY, "2025-12-19"))
        .startsWith("vk1-")
        .hasSize(44);
  }

  @Test
  void caseWhitespaceAndCurlyQuotesDoNotChangeTheKey() {
    assertThat(VaultKey.of("001D000000IqhSLIAZ", DAY, "VAST’s  Azure plan"))
        .isEqualTo(VaultKey.of("001D000000IqhSLIAZ", DAY, " vast's azure plan"));
  }

  @Test
  void accountDateAndSubjectEachChangeTheKey() {
    String base = VaultKey.of("001D000000IqhSLIAZ", DAY, "x");
    assertThat(VaultKey.of("00190000001pPvHAAU", DAY, "x")).isNotEqualTo(base);
    assertThat(VaultKey.of("001D000000IqhSLIAZ", DAY.plusDays(1), "x")).isNotEqualTo(base);
    assertThat(VaultKey.of("001D000000IqhSLIAZ", DAY, "y")).isNotEqualTo(base);
  }

  @Test
  void fifteenCharIdsGetTheDocumentedChecksum() {
    assertThat(SalesforceId.to18("001D000000IqhSL")).isEqualTo("001D000000IqhSLIAZ");
    assertThat(SalesforceId.to18("00190000001pPvH")).isEqualTo("00190000001pPvHAAU");
  }
}

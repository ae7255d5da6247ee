package com.vaultcrmsync.emulator.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Proves ids carry Salesforce's 18-character checksum and keep their key prefix. */
class SalesforceIdTest {

  @Test
  void checksumMatchesSalesforceExamples() {
    assertThat(SalesforceId.to18("001D000000IqhSL")).isEqualTo("001D000000IqhSLIAZ");
    assertThat(SalesforceId.to18("00190000001pPvH")).isEqualTo("00190000001pPvHAAU");
    assertThat(SalesforceId.to18("a0RE000000IJmcN")).isEqualTo("a0RE000000IJmcNMAT");
    assertThat(SalesforceId.to18("aaaaaaaaaaaaaaa")).isEqualTo("aaaaaaaaaaaaaaaAAA");
    assertThat(SalesforceId.to18("AbCdEfGhIjKlMnO")).isEqualTo("AbCdEfGhIjKlMnOVKV");
    assertThat(SalesforceId.to18("aBcDEfgHIJKLMNO")).isEqualTo("aBcDEfgHIJKLMNO025");
  }

  @Test
  void generatedIdsHaveThePrefixAValidChecksumAndSortInCreationOrder() {
    String first = SalesforceId.generate("00T", 61);
    String second = SalesforceId.generate("00T", 62);
    assertThat(first).hasSize(18).startsWith("00T");
    assertThat(SalesforceId.isValid(first)).isTrue();
    assertThat(first).isLessThan(second);
    assertThat(SalesforceId.sequence(second)).isEqualTo(62);
  }

  @Test
  void fifteenAndCaseInsensitiveEighteenCharacterFormsCanonicalise() {
    assertThat(SalesforceId.canonical("001D000000IqhSL")).isEqualTo("001D000000IqhSLIAZ");
    assertThat(SalesforceId.canonical("001d000000iqhsliaz")).isEqualTo("001D000000IqhSLIAZ");
    assertThat(SalesforceId.canonical("001D000000IqhSL!!!")).isNull();
    assertThat(SalesforceId.isValid("001D000000IqhS")).isFalse();
  }
}

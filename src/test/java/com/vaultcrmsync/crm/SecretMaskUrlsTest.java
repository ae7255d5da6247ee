package com.vaultcrmsync.crm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Proves printed URLs lose their user info, query string and fragment, and nothing else. */
class SecretMaskUrlsTest {
  @Test
  void userInfoQueryAndFragmentAreStripped() {
    assertThat(SecretMask.redactUrl("http://user:secret@host/x?pw=secret"))
        .isEqualTo("http://host/x");
    assertThat(SecretMask.redactUrl("https://u:p@my.example:8443/services?a=b#frag"))
        .isEqualTo("https://my.example:8443/services");
    assertThat(SecretMask.redactUrl("https://login.example.com"))
        .isEqualTo("https://login.example.com");
    assertThat(SecretMask.redactUrl("htp://user:secret@host?pw=secret")).isEqualTo("htp://host");
    assertThat(SecretMask.redactUrl("user:secret@host/x")).isEqualTo("host/x");
    assertThat(SecretMask.redactUrl(null)).isNull();
  }

  @Test
  void everyUrlInAMessageIsRedacted() {
    assertThat(
            SecretMask.redactUrlsIn(
                "login at http://user:secret@host/x?pw=secret failed; see 'https://a:b@c/d?e=f'"))
        .isEqualTo("login at http://host/x failed; see 'https://c/d'");
    assertThat(new SecretMask(java.util.List.of("hunter22")).apply("http://u:hunter22@h/?q=1"))
        .isEqualTo("http://h/");
  }
}

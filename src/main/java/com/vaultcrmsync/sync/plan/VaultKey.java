package com.vaultcrmsync.sync.plan;

import com.vaultcrmsync.crm.SalesforceId;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The external id of a vault-originated activity: derived only from the Account id, the entry's
 * date and its normalised link target or text, so that a lost state folder or a crash re-derives
 * the same key and an upsert can never create a duplicate.
 */
public final class VaultKey {
  private static final String PREFIX = "vk1-";

  private VaultKey() {}

  /** The key, {@code vk1-} plus 40 hex chars of SHA-256. */
  public static String of(String accountId, LocalDate date, String subject) {
    String material =
        SalesforceId.to18(accountId) + "|" + date + "|" + normalise(subject == null ? "" : subject);
    return PREFIX + Fingerprint.of(material).substring(0, 40);
  }

  /**
   * Unicode-compatible form, curly quotes and dashes made plain, whitespace collapsed, lower case:
   * editing cosmetics of a link target does not change which activity it is.
   */
  static String normalise(String subject) {
    String s = Normalizer.normalize(subject, Normalizer.Form.NFKC);
    s =
        s.replace('\u2018', '\'')
            .replace('\u2019', '\'')
            .replace('\u201C', '"')
            .replace('\u201D', '"')
            .replace('\u2013', '-')
            .replace('\u2014', '-');
    return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}

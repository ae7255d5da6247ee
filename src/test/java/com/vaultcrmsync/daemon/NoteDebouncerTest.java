package com.vaultcrmsync.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Proves an editor's burst of saves to one note becomes one change, per note, with / paths. */
class NoteDebouncerTest {
  @Test
  void aBurstOfSavesIsHandedOnOncePerNote() {
    List<String> settled = new CopyOnWriteArrayList<>();
    try (NoteDebouncer debouncer = new NoteDebouncer(Duration.ofMillis(300), settled::add)) {
      for (int i = 0; i < 20; i++) {
        debouncer.changed("Customers\\Acme.md");
      }
      debouncer.changed("Partners/Contoso.md");
      await().atMost(Duration.ofSeconds(5)).until(() -> settled.size() == 2);
      assertThat(settled).containsExactlyInAnyOrder("Customers/Acme.md", "Partners/Contoso.md");
      assertThat(debouncer.waiting()).isZero();
    }
  }
}

package com.vaultcrmsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Proves how a mapping selects notes by front matter type, folder and tag. */
class NoteSelectorTest {
  @Test
  void typesMatchCaseInsensitivelyAndListsOfTypesToo() {
    NoteSelector s = new NoteSelector(List.of("customer", "partner"), List.of(), List.of());
    assertThat(s.matches("A.md", Map.of("type", "Customer"))).isTrue();
    assertThat(s.matches("A.md", Map.of("type", List.of("person", "partner")))).isTrue();
    assertThat(s.matches("A.md", Map.of("type", "meeting"))).isFalse();
    assertThat(s.matches("A.md", Map.of())).isFalse();
  }

  @Test
  void foldersMatchTheFolderAndItsSubFoldersOnly() {
    NoteSelector s = new NoteSelector(List.of(), List.of("Customers"), List.of());
    assertThat(s.matches("Customers/A.md", Map.of())).isTrue();
    assertThat(s.matches("Customers/EMEA/A.md", Map.of())).isTrue();
    assertThat(s.matches("CustomersOld/A.md", Map.of())).isFalse();
  }

  @Test
  void tagsMatchWithOrWithoutHashAndEveryGivenCriterionMustHold() {
    NoteSelector s = new NoteSelector(List.of("customer"), List.of(), List.of("type/customer"));
    assertThat(s.matches("A.md", Map.of("type", "customer", "tags", List.of("#type/customer"))))
        .isTrue();
    assertThat(s.matches("A.md", Map.of("type", "customer", "tags", List.of("generated"))))
        .isFalse();
    assertThat(new NoteSelector(List.of(), List.of(), List.of()).matches("A.md", Map.of()))
        .isFalse();
  }
}

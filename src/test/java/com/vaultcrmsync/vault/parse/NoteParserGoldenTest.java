package com.vaultcrmsync.vault.parse;

import com.vaultcrmsync.vault.Golden;
import com.vaultcrmsync.vault.Note;
import com.vaultcrmsync.vault.NoteJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Proves every fixture note and the seed parse to exactly the inspect JSON checked in. */
class NoteParserGoldenTest {
  static Stream<Path> notes() throws IOException {
    try (Stream<Path> fixtures = Files.list(Golden.VAULT.resolve("fixtures"))) {
      return Stream.concat(
          Stream.of(Golden.VAULT.resolve("seed/Microsoft.md")),
          fixtures.filter(p -> p.toString().endsWith(".md")).sorted().toList().stream())
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notes")
  void noteParsesToTheGoldenJson(Path note) throws IOException {
    String name = note.getFileName().toString();
    Note parsed = new NoteParser().parse(name, Files.readAllBytes(note));
    String expected = name.substring(0, name.length() - 3) + ".json";
    Golden.assertMatches(
        Golden.VAULT.resolve("expected").resolve(expected),
        (NoteJson.toJson(parsed) + "\n").getBytes(StandardCharsets.UTF_8));
  }
}

package com.vaultcrmsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Proves docs/configuration.md's key table lists exactly the keys of application.properties. */
class ConfigurationDocsTest {
  private static final Path PROPERTIES = Path.of("config/application.properties");
  private static final Path DOC = Path.of("docs/configuration.md");
  private static final String HEADER = "| key | default | what it does |";
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  @Test
  void everyShippedKeyHasARowAndEveryRowIsAShippedKey() throws Exception {
    Properties config = new Properties();
    try (Reader in = Files.newBufferedReader(PROPERTIES)) {
      config.load(in);
    }
    List<String> documented = keyColumn(Files.readAllLines(DOC));

    assertThat(config.stringPropertyNames()).isNotEmpty();
    assertThat(documented).doesNotHaveDuplicates();
    assertThat(documented).containsExactlyInAnyOrderElementsOf(config.stringPropertyNames());
  }

  /** The `key` of each row of the table under {@link #HEADER}, one per row. */
  private static List<String> keyColumn(List<String> lines) {
    int header = lines.indexOf(HEADER);
    assertThat(header).as("%s has a table headed %s", DOC, HEADER).isNotNegative();
    List<String> keys = new ArrayList<>();
    for (String line : lines.subList(header + 2, lines.size())) {
      if (!line.startsWith("|")) {
        break;
      }
      String cell = line.substring(1, line.indexOf('|', 1)).trim();
      Matcher key = CODE.matcher(cell);
      assertThat(key.matches()).as("key cell of %s", line).isTrue();
      keys.add(key.group(1));
    }
    return keys;
  }
}

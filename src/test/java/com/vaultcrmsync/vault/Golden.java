package com.vaultcrmsync.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/vault}: compared byte for byte; rewritten instead
 * when the build runs with {@code -Dgolden.update=true} (review the diff before committing).
 */
public final class Golden {
  public static final Path VAULT = Path.of("src/test/resources/vault");

  private Golden() {}

  public static void assertMatches(Path expected, byte[] actual) throws IOException {
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(expected.getParent());
      Files.write(expected, actual);
    }
    assertThat(expected).exists();
    assertThat(actual).as("golden file %s", expected).isEqualTo(Files.readAllBytes(expected));
  }
}

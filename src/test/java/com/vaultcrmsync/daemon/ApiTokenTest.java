package com.vaultcrmsync.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaultcrmsync.app.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves a token file others could read, or a weak token, is refused with the way to fix it. */
class ApiTokenTest {
  private static final String STRONG = "a".repeat(43);

  @TempDir Path state;

  private Path tokenFile(String content, String mode) throws IOException {
    Path file = Files.writeString(state.resolve(ApiToken.FILE), content + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    return file;
  }

  @Test
  void aGeneratedTokenIsStoredOwnerOnlyAndReadBack() throws IOException {
    ApiToken first = ApiToken.resolve(null, state);
    Path file = state.resolve(ApiToken.FILE);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(first.accepts("Bearer " + Files.readString(file).strip())).isTrue();
    assertThat(ApiToken.resolve(null, state).accepts("Bearer " + Files.readString(file).strip()))
        .isTrue();
  }

  @Test
  void aTokenFileOthersCanReadIsRefusedWithTheFix() throws IOException {
    Path file = tokenFile(STRONG, "rw-r--r--");

    assertThatThrownBy(() -> ApiToken.resolve(null, state))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("chmod 600 " + file)
        .hasMessageContaining("delete it")
        .hasMessageNotContaining(STRONG);
  }

  @Test
  void aTokenFileTheGroupCanWriteIsRefused() throws IOException {
    tokenFile(STRONG, "rw--w----");

    assertThatThrownBy(() -> ApiToken.resolve(null, state))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("chmod 600");
  }

  @Test
  void aShortTokenIsRefusedWithTheFix() throws IOException {
    Path file = tokenFile("short-token", "rw-------");

    assertThatThrownBy(() -> ApiToken.resolve(null, state))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("32 characters")
        .hasMessageContaining("delete the file")
        .hasMessageNotContaining("short-token");
  }

  @Test
  void anOwnerOnlyStrongTokenIsUsed() throws IOException {
    tokenFile(STRONG, "rw-------");

    assertThat(ApiToken.resolve(null, state).accepts("Bearer " + STRONG)).isTrue();
  }
}

package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Proves the emulator command's options and its usage errors (exit code 2, file named). */
class EmulatorCommandTest {

  @TempDir Path dir;

  @Test
  void helpListsEveryOption() {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("emulator", "--help")).isZero();
    assertThat(out.toString())
        .contains("--port", "--data", "--client-id", "--client-secret", "--username", "--password")
        .contains("--schema", "--jwt-cert");
  }

  @Test
  void aBadSchemaFileIsAUsageErrorNamingTheFile() throws Exception {
    Path schema = dir.resolve("schema.yaml");
    Files.writeString(schema, "objects:\n  Widget:\n    - {name: A__c, type: string}\n");
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute("emulator", "--schema", schema.toString(), "--password", "s3cret"))
        .isEqualTo(Main.EXIT_USAGE);
    assertThat(err.toString())
        .contains(schema.toString())
        .contains("Widget")
        .doesNotContain("s3cret");
  }
}

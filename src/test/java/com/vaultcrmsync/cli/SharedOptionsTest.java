package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Proves that the options shared through mixins keep the command line of design §5: the same
 * options on the same commands, each taking one value.
 */
class SharedOptionsTest {
  private static List<String> options(String command) {
    CommandLine cmd = Main.commandLine().getSubcommands().get(command);
    return cmd.getCommandSpec().options().stream()
        .filter(o -> o.arity().max() == 1)
        .map(OptionSpec::longestName)
        .sorted()
        .toList();
  }

  @Test
  void syncTakesTheSameValueOptionsAsBefore() {
    assertThat(options("sync"))
        .containsExactly("--account", "--config", "--profile", "--report-dir", "--vault");
  }

  @Test
  void runTakesTheSameValueOptionsAsBefore() {
    assertThat(options("run")).containsExactly("--config", "--http-port", "--profile", "--vault");
  }

  @Test
  void reportTakesTheSameValueOptionsAsBefore() {
    assertThat(options("report")).containsExactly("--config", "--report-dir", "--vault");
  }
}

package com.vaultcrmsync.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vault-crm-sync} command line. Exit codes follow the design: 0, 1, 2 (usage), 3. */
@Command(
    name = "vault-crm-sync",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Keeps an Obsidian-style Markdown vault and a Salesforce org in two-way sync.",
    subcommands = {
      CommandLine.HelpCommand.class,
      InspectCommand.class,
      EmulatorCommand.class,
      SyncCommand.class,
      RunCommand.class,
      ReportCommand.class,
      DemoCommand.class
    })
public final class Main implements Runnable {

  /** Exit code for usage and configuration errors (design §5). */
  public static final int EXIT_USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line without exiting the JVM; returns the exit code. */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    return new CommandLine(new Main())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler(
            (ex, a) -> {
              CommandLine cmd = ex.getCommandLine();
              cmd.getErr().println("error: " + ex.getMessage());
              CommandLine.UnmatchedArgumentException.printSuggestions(ex, cmd.getErr());
              cmd.getErr().println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
              return EXIT_USAGE;
            });
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

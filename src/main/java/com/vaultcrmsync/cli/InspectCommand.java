package com.vaultcrmsync.cli;

import com.vaultcrmsync.app.ConfigurationException;
import com.vaultcrmsync.app.RuntimeOptions;
import com.vaultcrmsync.app.Settings;
import com.vaultcrmsync.vault.Note;
import com.vaultcrmsync.vault.NoteJson;
import com.vaultcrmsync.vault.parse.NoteParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code inspect NOTE.md}: prints the parsed note as JSON (see {@link NoteJson}). Exit 0 when the
 * note parses (warnings allowed), 1 when it has errors (the JSON is still printed), 2 for usage
 * errors such as a missing file or a folder.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = "Print a note as the sync reads it, as JSON.")
public final class InspectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NOTE.md", description = "The Markdown note to read.")
  Path note;

  @Override
  public Integer call() {
    if (!Files.exists(note)) {
      return usage("no such file: " + note);
    }
    if (!Files.isRegularFile(note)) {
      return usage("not a file: " + note);
    }
    long maxBytes;
    try {
      maxBytes = Settings.load(RuntimeOptions.of(Path.of("."))).maxNoteBytes();
    } catch (ConfigurationException e) {
      return usage(e.getMessage());
    }
    String path = note.toString().replace('\\', '/');
    Note parsed;
    try {
      long size = Files.size(note);
      parsed =
          size > maxBytes
              ? NoteParser.unreadable(
                  path, "", path + ": too large: " + size + " bytes, the limit is " + maxBytes)
              : new NoteParser().parse(path, Files.readAllBytes(note));
    } catch (IOException e) {
      return usage("cannot read " + note + ": " + e.getMessage());
    }
    spec.commandLine().getOut().println(NoteJson.toJson(parsed));
    spec.commandLine().getOut().flush();
    return parsed.hasErrors() ? 1 : 0;
  }

  private int usage(String message) {
    spec.commandLine().getErr().println("error: " + message);
    return Main.EXIT_USAGE;
  }
}

package com.vaultcrmsync.routes;

import static org.apache.camel.builder.Builder.exchangeProperty;
import static org.apache.camel.builder.Builder.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.vault.VaultFileFilter;
import com.vaultcrmsync.vault.VaultScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.apache.camel.test.main.junit5.ReplaceInRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves routes/vault-watch.camel.yaml on a real folder: saved notes anywhere in the vault reach
 * daemonTriggers once per change; dot-folders, ignored folders and other files never do.
 */
@CamelMainTest(
    propertyPlaceholderLocations = "classpath:config/application.properties",
    properties = {
      "camel.main.routes-include-pattern=classpath:routes/vault-watch.camel.yaml",
      "camel.main.routes-exclude-pattern=false",
      "camel.component.salesforce.lazy-login=true"
    })
class VaultWatchRouteTest {
  @TempDir Path temp;
  private Path vault;

  @ReplaceInRegistry RecordingTriggers daemonTriggers = new RecordingTriggers();

  @ReplaceInRegistry VaultFileFilter<?> vaultFileFilter = new VaultFileFilter<>();

  @ReplaceInRegistry
  IdempotentRepository vaultWatchSeen = MemoryIdempotentRepository.memoryIdempotentRepository();

  @BeanInject CamelContext camel;

  @Configure
  void watchTheTempVault(MainConfigurationProperties main) {
    vault = temp.resolve("vault");
    main.addConfiguration(
        new CamelConfiguration() {
          @Override
          public void configure(CamelContext context) {
            context.getPropertiesComponent().addOverrideProperty("vault.dir", vault.toString());
          }
        });
  }

  @Test
  void notesInAnyFolderReachTheTriggersButDotFoldersIgnoredFoldersAndOtherFilesDoNot()
      throws Exception {
    write("Acme.md", "# Acme\n");
    write("people/Jane Doe.md", "# Jane\n");
    write(".obsidian/workspace.md", "{}\n");
    write(".trash/Old.md", "# Old\n");
    write("reports/" + VaultScanner.IGNORE_MARKER, "");
    write("reports/Run.md", "# Run\n");
    write("diagram.png", "png");
    write("todo.txt", "text");

    awaitOnePoll();

    assertThat(daemonTriggers.paths()).containsExactlyInAnyOrder("Acme.md", "people/Jane Doe.md");
    assertThat(daemonTriggers.seen)
        .contains(
            new Seen("Acme.md", Files.getLastModifiedTime(vault.resolve("Acme.md")).toMillis()));
  }

  @Test
  void aSavedNoteIsSeenAgainAndAnUnchangedOneIsNot() throws Exception {
    write("Acme.md", "# Acme\n");
    write("Globex.md", "# Globex\n");
    awaitOnePoll();

    NotifyBuilder acmeSeenAgain =
        new NotifyBuilder(camel)
            .fromRoute("vault-watch")
            .filter(header(Exchange.FILE_NAME).isEqualTo("Acme.md"))
            .whenDone(1)
            .create();
    Path acme = save("Acme.md", "# Acme\n\nA new line.\n");
    assertThat(acmeSeenAgain.matches(30, TimeUnit.SECONDS)).as("Acme.md seen again").isTrue();

    assertThat(daemonTriggers.paths()).containsExactly("Acme.md", "Globex.md", "Acme.md");
    assertThat(daemonTriggers.seen.get(2).lastModified())
        .isEqualTo(Files.getLastModifiedTime(acme).toMillis());
  }

  /** Starts the route (it does not start on its own) and waits for its first poll to finish. */
  private void awaitOnePoll() throws Exception {
    NotifyBuilder firstPoll = batchDone();
    camel.getRouteController().startRoute("vault-watch");
    assertThat(firstPoll.matches(30, TimeUnit.SECONDS)).as("the first poll").isTrue();
  }

  /**
   * Done when the last file of one poll has been handled: a poll is one batch, handled in order.
   * Create it before the poll: a builder created while an exchange completes may count that one.
   */
  private NotifyBuilder batchDone() {
    return new NotifyBuilder(camel)
        .fromRoute("vault-watch")
        .filter(exchangeProperty(Exchange.BATCH_COMPLETE).isEqualTo(true))
        .whenDone(1)
        .create();
  }

  /** Saves as editors do: a whole new file, renamed over the old one, so no poll sees half. */
  private Path save(String relative, String text) throws IOException {
    Path staged = Files.writeString(temp.resolve("staged"), text);
    Files.setLastModifiedTime(staged, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
    return Files.move(
        staged,
        vault.resolve(relative),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  private Path write(String relative, String text) throws IOException {
    Path file = vault.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  record Seen(String path, long lastModified) {}

  /** Stands in for DaemonTriggers: records what the watch hands over. */
  public static final class RecordingTriggers {
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    public void fileSeen(String path, long lastModified) {
      seen.add(new Seen(path, lastModified));
    }

    List<String> paths() {
      return seen.stream().map(Seen::path).toList();
    }
  }
}

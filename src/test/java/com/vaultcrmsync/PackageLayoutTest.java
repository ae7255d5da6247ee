package com.vaultcrmsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Proves that the packages keep the layers docs/architecture.md draws, read from the imports. */
class PackageLayoutTest {
  private static final Path MAIN = Path.of("src/main/java/com/vaultcrmsync");
  private static final Pattern IMPORT =
      Pattern.compile(
          "^import (?:static )?com\\.vaultcrmsync\\.([a-z0-9.]+?)\\.[A-Z]", Pattern.MULTILINE);

  /** package → the project packages its main classes import. */
  private static final Map<String, Set<String>> IMPORTS = new TreeMap<>();

  @BeforeAll
  static void readImports() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String pkg = MAIN.relativize(file.getParent()).toString().replace('/', '.');
        Set<String> deps = IMPORTS.computeIfAbsent(pkg, p -> new TreeSet<>());
        Matcher m = IMPORT.matcher(Files.readString(file));
        while (m.find()) {
          if (!m.group(1).equals(pkg)) {
            deps.add(m.group(1));
          }
        }
      }
    }
  }

  @Test
  void theCrmDoorImportsNoOtherLayer() {
    assertThat(IMPORTS.get("crm")).isSubsetOf("sfid");
  }

  @Test
  void theEmulatorStandsAloneAndOnlyTheCompositionRootAndCommandsImportIt() {
    IMPORTS.forEach(
        (pkg, deps) -> {
          if (pkg.startsWith("emulator")) {
            assertThat(deps).as(pkg).allMatch(d -> d.startsWith("emulator") || d.equals("sfid"));
          } else if (!pkg.equals("app") && !pkg.equals("cli")) {
            assertThat(deps).as(pkg).noneMatch(d -> d.startsWith("emulator"));
          }
        });
  }

  @Test
  void theVaultMappingAndReportLayersImportNothingAboveThem() {
    IMPORTS.forEach(
        (pkg, deps) -> {
          if (pkg.startsWith("vault")) {
            assertThat(deps).as(pkg).allMatch(d -> d.startsWith("vault"));
          }
        });
    assertThat(IMPORTS.get("mapping")).as("mapping").allMatch(d -> d.startsWith("vault"));
    assertThat(IMPORTS.get("report")).as("report").allMatch(d -> d.startsWith("vault"));
    assertThat(IMPORTS.get("config")).as("config").isEmpty();
  }

  @Test
  void theSyncStepsNeverReachUpIntoTheRuntimeDaemonOrCommands() {
    IMPORTS.forEach(
        (pkg, deps) -> {
          if (pkg.startsWith("sync") || pkg.equals("crm") || pkg.startsWith("vault")) {
            assertThat(deps).as(pkg).noneMatch(d -> List.of("app", "cli", "daemon").contains(d));
          }
        });
  }

  @Test
  void theStateStoreDependsOnNoOtherSyncStep() {
    assertThat(IMPORTS.get("sync.state")).as("sync.state").noneMatch(d -> d.startsWith("sync"));
  }

  @Test
  void nothingImportsTheCommands() {
    IMPORTS.forEach(
        (pkg, deps) -> {
          if (!pkg.equals("cli")) {
            assertThat(deps).as(pkg).doesNotContain("cli");
          }
        });
  }

  @Test
  void noPackageHoldsMoreThanTwentyFiveClasses() throws IOException {
    try (Stream<Path> dirs = Files.walk(MAIN)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        try (Stream<Path> files = Files.list(dir)) {
          assertThat(files.filter(f -> f.toString().endsWith(".java")).count())
              .as(dir.toString())
              .isLessThanOrEqualTo(25);
        }
      }
    }
  }
}

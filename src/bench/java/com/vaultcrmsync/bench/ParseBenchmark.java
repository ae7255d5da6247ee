package com.vaultcrmsync.bench;

import com.vaultcrmsync.vault.Note;
import com.vaultcrmsync.vault.NoteFile;
import com.vaultcrmsync.vault.SyntheticVault;
import com.vaultcrmsync.vault.VaultScanner;
import com.vaultcrmsync.vault.parse.NoteParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Measures scan+parse throughput against the floor of merely reading the same bytes, on a generated
 * seed-like vault. Run:
 *
 * <pre>
 * scripts/bench parse [notes] [rounds] [--query-block]
 * </pre>
 *
 * Single-threaded; the first rounds warm up the JIT and the page cache and are not counted.
 */
public final class ParseBenchmark {
  private static final int WARMUP_ROUNDS = 3;

  /** Gives every note a fenced Dataview query under its title, as many Obsidian templates do. */
  private static final String QUERY_BLOCK = "--query-block";

  private ParseBenchmark() {}

  public static void main(String[] args) throws IOException {
    List<String> numbers = new ArrayList<>(Arrays.asList(args));
    boolean queryBlock = numbers.remove(QUERY_BLOCK);
    int notes = numbers.size() > 0 ? Integer.parseInt(numbers.get(0)) : 10_000;
    int rounds = numbers.size() > 1 ? Integer.parseInt(numbers.get(1)) : 9;
    Path dir = Files.createTempDirectory("vcs-bench");
    try {
      SyntheticVault.Stats stats = SyntheticVault.generate(dir, notes, 42L, queryBlock);
      System.out.printf(
          Locale.ROOT,
          "%d notes%s, %.1f MB, in %s (Java %s, %d cores)%n",
          stats.notes(),
          queryBlock ? " with a query block under the title" : "",
          stats.bytes() / 1e6,
          dir,
          System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors());
      NoteParser parser = new NoteParser();
      VaultScanner scanner = new VaultScanner();
      long[] read = new long[rounds];
      long[] parse = new long[rounds];
      for (int round = -WARMUP_ROUNDS; round < rounds; round++) {
        long t0 = System.nanoTime();
        long sink = readAll(scanner, dir);
        long t1 = System.nanoTime();
        sink += parseAll(scanner, parser, dir);
        long t2 = System.nanoTime();
        if (sink == 42) {
          System.out.print("");
        }
        if (round >= 0) {
          read[round] = t1 - t0;
          parse[round] = t2 - t1;
        }
      }
      long readNs = median(read);
      long parseNs = median(parse);
      System.out.printf(
          Locale.ROOT,
          "%-28s %10s %12s %10s%n",
          "median of " + rounds + " rounds",
          "ms",
          "notes/s",
          "MB/s");
      row("scan + read bytes (floor)", readNs, stats);
      row("scan + read + parse", parseNs, stats);
      System.out.printf(
          Locale.ROOT, "parse / read ratio: %.2fx (target <= 3x)%n", (double) parseNs / readNs);
    } finally {
      deleteTree(dir);
    }
  }

  private static long readAll(VaultScanner scanner, Path dir) throws IOException {
    long total = 0;
    for (NoteFile f : scanner.scan(dir).notes()) {
      total += Files.readAllBytes(f.path()).length;
    }
    return total;
  }

  private static long parseAll(VaultScanner scanner, NoteParser parser, Path dir)
      throws IOException {
    long total = 0;
    for (NoteFile f : scanner.scan(dir).notes()) {
      Note note = parser.read(f);
      if (note.hasErrors()) {
        throw new IllegalStateException("generated note does not parse: " + note.problems());
      }
      total += note.entries().size();
    }
    return total;
  }

  private static void row(String name, long nanos, SyntheticVault.Stats stats) {
    double seconds = nanos / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%-28s %10.0f %12.0f %10.1f%n",
        name,
        nanos / 1e6,
        stats.notes() / seconds,
        stats.bytes() / 1e6 / seconds);
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static void deleteTree(Path dir) throws IOException {
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.forEach(paths::add);
    }
    paths.sort(Comparator.reverseOrder());
    for (Path p : paths) {
      Files.deleteIfExists(p);
    }
  }
}

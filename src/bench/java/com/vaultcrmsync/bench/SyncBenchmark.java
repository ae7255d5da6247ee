package com.vaultcrmsync.bench;

import com.vaultcrmsync.app.EmulatorLogin;
import com.vaultcrmsync.emulator.Emulator;
import com.vaultcrmsync.emulator.EmulatorOptions;
import com.vaultcrmsync.report.ReportWriter;
import com.vaultcrmsync.report.RunReport;
import com.vaultcrmsync.vault.SyntheticVault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sync benchmark of the README: for each vault size, a seed-like synthetic vault, an emulated
 * org in this JVM on loopback, and the real {@code sync} (and {@code run}) commands of the shaded
 * jar in child JVMs under {@code -Xmx512m}. It measures the initial load, a no-op sync, one edited
 * note, the daemon's save-to-CRM latency, a pull of 1,000 colleague activities across 500 accounts,
 * and (through {@link ParseBenchmark}) scan and parse throughput. Run:
 *
 * <pre>
 * JAVA_OPTS=-Xmx3g scripts/bench sync [--notes 1000,10000] [--no-daemon] [--no-parse] [--keep]
 *     [--jvm-opt OPTION]...
 * </pre>
 *
 * <p>The children run the jar named by the system property {@code vaultcrmsync.jar} (set by {@code
 * scripts/bench}), else {@code target/vault-crm-sync.jar} of the working directory.
 *
 * <p>{@code --jvm-opt} adds a JVM option to every child, e.g. {@code -XX:TieredStopAtLevel=1} to
 * compare the launcher's C1-only short runs with the default JIT.
 *
 * <p>Wall times include the child JVM's start; the start of {@code --version} is measured beside
 * them. API calls are the org's own count. Peak memory is the child's maximum resident set and the
 * largest heap in use it logged before and after a collection.
 */
public final class SyncBenchmark {
  private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\(\\d+M\\)");
  private static final Pattern READ_LINE =
      Pattern.compile("Read the vault: (\\d+) notes listed, (\\d+) parsed");
  private static final String CHILD_HEAP = "-Xmx512m";

  /**
   * The pull re-reads this window before its watermark (default 600 s); the benchmark shortens it
   * and waits it out so that "no-op" means nothing changed in the window either.
   */
  private static final int LOOKBACK_SECONDS = 5;

  private final Path jar;
  private final Path work;
  private final List<String> table = new ArrayList<>();
  private final List<String> jvmOptions;

  private SyncBenchmark(Path jar, Path work, List<String> jvmOptions) {
    this.jar = jar;
    this.work = work;
    this.jvmOptions = jvmOptions;
  }

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = List.of(1_000, 10_000);
    boolean daemon = true;
    boolean parse = true;
    boolean keep = false;
    List<String> jvmOptions = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--notes" ->
            sizes = Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
        case "--no-daemon" -> daemon = false;
        case "--no-parse" -> parse = false;
        case "--keep" -> keep = true;
        case "--jvm-opt" -> jvmOptions.add(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Path work = Files.createTempDirectory("vcs-sync-bench");
    SyncBenchmark bench = new SyncBenchmark(shadedJar(), work, List.copyOf(jvmOptions));
    System.out.printf(
        Locale.ROOT,
        "Java %s, %d cores; child JVMs %s; work in %s%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        String.join(" ", bench.childJvm()),
        work);
    try {
      long version = bench.versionStart();
      bench.row("JVM start: --version (median of 5)", -1, version, -1, "", "");
      for (int notes : sizes) {
        bench.size(notes, daemon);
      }
      System.out.println();
      System.out.println("| scenario | notes | wall ms | API calls | floor / target | notes |");
      System.out.println("|---|---:|---:|---:|---|---|");
      bench.table.forEach(System.out::println);
      if (parse) {
        for (int notes : sizes) {
          System.out.println();
          ParseBenchmark.main(new String[] {Integer.toString(notes), "3"});
        }
      }
    } finally {
      if (!keep) {
        deleteTree(work);
      }
    }
  }

  private void size(int notes, boolean daemon) throws Exception {
    Path dir = Files.createDirectories(work.resolve("n" + notes));
    Path vault = dir.resolve("vault");
    SyntheticVault.Stats stats = SyntheticVault.generate(vault, notes, 42L);
    System.out.printf(Locale.ROOT, "%n== %d notes, %.1f MB%n", stats.notes(), stats.bytes() / 1e6);
    try (Emulator org = Emulator.start(EmulatorOptions.defaults().withDailyApiLimit(50_000_000))) {
      Path config = config(dir, org);

      Child load = sync(org, vault, config, dir.resolve("gc-load.log"));
      RunReport r = report(vault);
      long accounts = r.totals().accountsCreated();
      long tasks = r.totals().activitiesCreated();
      long floor = ceil200(accounts) + ceil200(tasks) + 3;
      row(
          "1. initial load",
          notes,
          load.millis,
          load.calls,
          String.format(
              Locale.ROOT,
              "floor %d (%d accounts, %d tasks); %.3fx; target <= 1.10x",
              floor,
              accounts,
              tasks,
              (double) load.calls / floor),
          load.memory() + "; " + load.outcome);

      Thread.sleep(LOOKBACK_SECONDS * 1000L + 1000);
      Child settle = sync(org, vault, config, dir.resolve("gc-settle.log"));
      row(
          "2a. next sync (reads back its own writes of the lookback window)",
          notes,
          settle.millis,
          settle.calls,
          "3 queries + pages of 2,000",
          "parsed " + settle.parsed + " of " + settle.listed + "; " + settle.memory());
      Thread.sleep(LOOKBACK_SECONDS * 1000L + 1000);
      // Three no-ops back to back (nothing changes between them): the median, the most calls.
      List<Child> noops = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        noops.add(sync(org, vault, config, dir.resolve("gc-noop-" + i + ".log")));
      }
      noops.sort(Comparator.comparingLong(Child::millis));
      Child noop = noops.get(1);
      row(
          "2. no-op sync (median of 3)",
          notes,
          noop.millis,
          noops.stream().mapToLong(Child::calls).max().orElse(-1),
          "<= 3 calls; <= JVM start + 2000 ms",
          String.format(
                  Locale.ROOT,
                  "%d-%d ms; parsed %d, %d, %d of %d; ",
                  noops.get(0).millis,
                  noops.get(2).millis,
                  noops.get(0).parsed,
                  noops.get(1).parsed,
                  noops.get(2).parsed,
                  noop.listed)
              + noop.memory());

      Thread.sleep(LOOKBACK_SECONDS * 1000L + 1000);
      Path edited = editOneNote(vault, "edited " + System.nanoTime());
      Child edit = sync(org, vault, config, dir.resolve("gc-edit.log"));
      row(
          "3. one note edited",
          notes,
          edit.millis,
          edit.calls,
          "<= 4 calls",
          "parsed " + edit.parsed + "; " + r(edit) + "; " + vault.relativize(edited));

      if (daemon) {
        daemonLatency(org, vault, config, notes);
      }

      Thread.sleep(LOOKBACK_SECONDS * 1000L + 1000);
      int pulled = colleagueActivities(org, 500, 2);
      Child pull = sync(org, vault, config, dir.resolve("gc-pull.log"));
      RunReport pr = report(vault);
      row(
          "4. pull " + pulled + " CRM activities / 500 accounts",
          notes,
          pull.millis,
          pull.calls,
          "3 queries (+ pages of 2,000)",
          "entries added "
              + pr.totals().entriesAdded()
              + ", notes written "
              + pr.totals().notesWritten()
              + "; "
              + pull.memory());
    }
  }

  // ---- scenarios

  /** Changes the summary of the first dated entry of the first note. */
  private static Path editOneNote(Path vault, String marker) throws IOException {
    Path note = vault.resolve("Customers/Company 0.md");
    String text = Files.readString(note, StandardCharsets.UTF_8);
    Matcher m =
        Pattern.compile("(?m)^- \\d{4}-\\d{2}-\\d{2}: \\[\\[[^\\]]+\\]\\] - ").matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("no dated entry in " + note);
    }
    Files.writeString(
        note,
        text.substring(0, m.end()) + marker + " " + text.substring(m.end()),
        StandardCharsets.UTF_8);
    return note;
  }

  /**
   * Logs {@code perAccount} completed Tasks as a colleague on each of {@code accounts} Accounts.
   */
  private static int colleagueActivities(Emulator org, int accounts, int perAccount) {
    List<String> ids =
        org.org().store().scan("Account").map(r -> String.valueOf(r.get("Id"))).sorted().toList();
    int n = 0;
    for (int a = 0; a < Math.min(accounts, ids.size()); a++) {
      for (int k = 0; k < perAccount; k++) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("Subject", "Colleague call " + a + "-" + k);
        task.put("Description", "Discussed the renewal, step " + k);
        task.put("ActivityDate", LocalDate.of(2025, 11, 1 + k));
        task.put("Status", "Completed");
        task.put("WhatId", ids.get(a));
        org.insertAs(org.colleagueUserId(), "Task", task);
        n++;
      }
    }
    return n;
  }

  /**
   * Starts {@code run} on the synced vault, waits until it watches, edits one note and polls the
   * org until its Task carries the edit: the save-to-CRM latency.
   */
  private void daemonLatency(Emulator org, Path vault, Path config, int notes) throws Exception {
    Path log = vault.getParent().resolve("daemon.log");
    ProcessBuilder pb =
        new ProcessBuilder(
                command(
                    List.of(),
                    "run",
                    "--vault",
                    vault.toString(),
                    "--config",
                    config.toString(),
                    "--http-port",
                    Integer.toString(freePort())))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Process p = pb.start();
    try {
      long started = System.nanoTime();
      waitFor(
          () -> {
            if (!p.isAlive()) {
              throw new IllegalStateException("the daemon ended:\n" + read(log));
            }
            return read(log).contains("Watching");
          },
          Duration.ofMinutes(10),
          "the daemon to watch");
      long watching = System.nanoTime();
      // The watch's first poll remembers every note; an edit before it ends would be a first sight.
      long settle = Math.max(3000, notes / 2);
      Thread.sleep(settle);
      String marker = "daemon " + System.nanoTime();
      String accountId = idOf(vault.resolve("Customers/Company 0.md"));
      List<String> tasks =
          org.org()
              .store()
              .scan("Task")
              .filter(t -> accountId.equals(t.get("WhatId")))
              .map(t -> String.valueOf(t.get("Id")))
              .toList();
      long saved = System.nanoTime();
      editOneNote(vault, marker);
      waitFor(
          () ->
              tasks.stream()
                  .map(org::record)
                  .flatMap(Optional::stream)
                  .anyMatch(t -> String.valueOf(t.get("Description")).contains(marker)),
          Duration.ofMinutes(2),
          "the edited Task");
      long updated = System.nanoTime();
      waitFor(
          () -> report(vault).run().mode().equals("note"), Duration.ofSeconds(30), "the report");
      RunReport noteRun = report(vault);
      long engineMs =
          Duration.between(
                  Instant.parse(noteRun.run().startedAt()),
                  Instant.parse(noteRun.run().finishedAt()))
              .toMillis();
      row(
          "3b. daemon: save to Task updated",
          notes,
          (updated - saved) / 1_000_000,
          -1,
          "< 3000 ms",
          String.format(
              Locale.ROOT,
              "note run in the engine %d ms, the rest is the watch's poll, debounce and queue;"
                  + " daemon start to watching %d ms (startup no-op sync); poll %s ms + debounce"
                  + " %s ms",
              engineMs,
              (watching - started) / 1_000_000,
              property(config, "vault.watch.poll-ms", "500"),
              property(config, "vault.watch.debounce-ms", "1000")));
    } finally {
      p.destroy();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  // ---- child JVMs

  /** One child run and what it cost. */
  private record Child(
      long millis,
      long calls,
      long rssKb,
      long heapBeforeGcMb,
      long heapAfterGcMb,
      int listed,
      int parsed,
      String outcome) {
    String memory() {
      return String.format(
          Locale.ROOT,
          "max RSS %d MB, heap max %d MB before GC / %d MB after",
          rssKb / 1024,
          heapBeforeGcMb,
          heapAfterGcMb);
    }
  }

  private Child sync(Emulator org, Path vault, Path config, Path gcLog) throws Exception {
    long callsBefore = org.stats().total();
    Path out = gcLog.resolveSibling(gcLog.getFileName() + ".out");
    List<String> cmd =
        command(
            List.of("-Xlog:gc:file=" + gcLog),
            "sync",
            "--vault",
            vault.toString(),
            "--config",
            config.toString());
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    long rss = 0;
    while (!p.waitFor(20, TimeUnit.MILLISECONDS)) {
      rss = Math.max(rss, highWaterKb(p.pid()));
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    String output = read(out);
    if (p.exitValue() > 1 || !Files.exists(vault.resolve(".vault-crm-sync/reports/latest.json"))) {
      throw new IllegalStateException("sync exited " + p.exitValue() + ":\n" + output);
    }
    long before = 0;
    long after = 0;
    for (String line : Files.readAllLines(gcLog)) {
      Matcher m = GC_LINE.matcher(line);
      if (m.find()) {
        before = Math.max(before, Long.parseLong(m.group(1)));
        after = Math.max(after, Long.parseLong(m.group(2)));
      }
    }
    Matcher read = READ_LINE.matcher(output);
    boolean found = read.find();
    RunReport report = report(vault);
    return new Child(
        millis,
        org.stats().total() - callsBefore,
        rss,
        before,
        after,
        found ? Integer.parseInt(read.group(1)) : -1,
        found ? Integer.parseInt(read.group(2)) : -1,
        report.run().outcome());
  }

  /** The child JVM's options: the heap cap and those given with {@code --jvm-opt}. */
  private List<String> childJvm() {
    List<String> options = new ArrayList<>(List.of(CHILD_HEAP));
    options.addAll(jvmOptions);
    return options;
  }

  /** A child command line: java, its options, {@code extra} JVM options, the jar and its args. */
  private List<String> command(List<String> extra, String... args) {
    List<String> cmd = new ArrayList<>(List.of(java()));
    cmd.addAll(childJvm());
    cmd.addAll(extra);
    cmd.addAll(List.of("-jar", jar.toString()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** Median wall time of {@code java -jar vault-crm-sync.jar --version}. */
  private long versionStart() throws Exception {
    long[] t = new long[5];
    for (int i = 0; i < t.length; i++) {
      long t0 = System.nanoTime();
      Process p =
          new ProcessBuilder(command(List.of(), "--version"))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      p.waitFor();
      t[i] = (System.nanoTime() - t0) / 1_000_000;
    }
    Arrays.sort(t);
    return t[t.length / 2];
  }

  private static long highWaterKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException | UncheckedIOException | NumberFormatException e) {
      // The process ended between two polls: the last reading stands.
    }
    return 0;
  }

  // ---- plumbing

  private static Path config(Path dir, Emulator org) throws IOException {
    Path config = dir.resolve("bench.properties");
    List<String> lines = new ArrayList<>();
    EmulatorLogin.properties(org.baseUrl()).forEach((k, v) -> lines.add(k + "=" + v));
    lines.add("sync.pull.lookback-seconds=" + LOOKBACK_SECONDS);
    Files.write(config, lines, StandardCharsets.UTF_8);
    return config;
  }

  private static String property(Path config, String key, String fallback) {
    return read(config)
        .lines()
        .filter(l -> l.startsWith(key + "="))
        .map(l -> l.substring(key.length() + 1))
        .findFirst()
        .orElse(fallback);
  }

  private static String idOf(Path note) {
    Matcher m = Pattern.compile("(?m)^salesforce_id: *'?([0-9A-Za-z]{18})").matcher(read(note));
    if (!m.find()) {
      throw new IllegalStateException("no salesforce_id in " + note);
    }
    return m.group(1);
  }

  private static RunReport report(Path vault) throws IOException {
    return ReportWriter.read(vault.resolve(".vault-crm-sync/reports/latest.json"));
  }

  private void row(
      String scenario, int notes, long millis, long calls, String target, String notesText) {
    String line =
        String.format(
            Locale.ROOT,
            "| %s | %s | %s | %s | %s | %s |",
            scenario,
            notes < 0 ? "" : String.format(Locale.ROOT, "%,d", notes),
            millis < 0 ? "" : String.format(Locale.ROOT, "%,d", millis),
            calls < 0 ? "" : Long.toString(calls),
            target,
            notesText);
    table.add(line);
    System.out.println(line);
  }

  private static String r(Child c) {
    return "outcome " + c.outcome;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static long ceil200(long n) {
    return (n + 199) / 200;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The shaded jar the children run; the benchmark itself runs from the test classpath. */
  private static Path shadedJar() {
    Path jar = Path.of(System.getProperty("vaultcrmsync.jar", "target/vault-crm-sync.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "no shaded jar at " + jar.toAbsolutePath() + ": build it with mvn -DskipTests package");
    }
    return jar.toAbsolutePath();
  }

  private static String read(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface Condition {
    boolean holds() throws Exception;
  }

  private static void waitFor(Condition c, Duration timeout, String what) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    while (!c.holds()) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(dir)) {
      paths = new ArrayList<>(walk.toList());
    }
    paths.sort(Comparator.reverseOrder());
    for (Path p : paths) {
      Files.deleteIfExists(p);
    }
  }
}

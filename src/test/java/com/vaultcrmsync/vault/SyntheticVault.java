package com.vaultcrmsync.vault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Generates seed-like vaults for tests and the benchmarks in src/bench: entity notes shaped like
 * {@code Microsoft.md} ({@code type: customer}, a {@code ## Recent Context} list of about 15
 * entries, undated ones first, then newest to oldest, key facts, topics), spread over folders, with
 * a few aliases. The same {@code seed} always gives the same bytes.
 */
public final class SyntheticVault {
  /**
   * What was generated.
   *
   * @param notes number of notes written
   * @param bytes their total size
   */
  public record Stats(int notes, long bytes) {}

  private static final String[] WORDS = {
    "storage",
    "Azure",
    "capacity",
    "roadmap",
    "pricing",
    "renewal",
    "GPU",
    "cluster",
    "inference",
    "training",
    "checkpoint",
    "egress",
    "partner",
    "enablement",
    "migration",
    "latency",
    "offer",
    "private",
    "region",
    "contract",
    "security",
    "review",
    "pipeline",
    "telemetry",
    "replication",
    "cloud",
    "strategy",
    "integration",
    "workload",
    "catalog",
    "deployment",
    "support",
    "budget"
  };
  private static final String[] PEOPLE = {
    "Dana Lee", "Jeff Denworth", "Rick Haselton", "Erez Zilber", "Tomer Hagay", "Ana Silva", "Bo Li"
  };
  private static final String[] FOLDERS = {
    "Customers", "Customers/Enterprise", "Partners", "Accounts/EMEA"
  };

  private SyntheticVault() {}

  /** Writes {@code notes} notes below {@code dir} (created when missing). */
  public static Stats generate(Path dir, int notes, long seed) throws IOException {
    return generate(dir, notes, seed, false);
  }

  /**
   * As {@link #generate(Path, int, long)}; with {@code queryBlock} each note also has a fenced
   * Dataview query under its title, as many Obsidian templates do.
   */
  public static Stats generate(Path dir, int notes, long seed, boolean queryBlock)
      throws IOException {
    Random random = new Random(seed);
    long bytes = 0;
    for (int i = 0; i < notes; i++) {
      String name = "Company " + i;
      Path file = dir.resolve(FOLDERS[i % FOLDERS.length]).resolve(name + ".md");
      Files.createDirectories(file.getParent());
      byte[] content = note(name, random, queryBlock).getBytes(StandardCharsets.UTF_8);
      Files.write(file, content);
      bytes += content.length;
    }
    return new Stats(notes, bytes);
  }

  /** One seed-like note titled {@code title}. */
  public static String note(String title, Random random) {
    return note(title, random, false);
  }

  /** One seed-like note titled {@code title}, with a Dataview query block under the title. */
  public static String note(String title, Random random, boolean queryBlock) {
    StringBuilder sb = new StringBuilder(9000);
    LocalDate newest = LocalDate.of(2025, 12, 31).minusDays(random.nextInt(200));
    sb.append("---\ntype: customer\ntitle: ").append(title).append('\n');
    sb.append("last_contact: ")
        .append(random.nextInt(3) == 0 ? newest.toString() : "unknown")
        .append('\n');
    sb.append("created: '")
        .append(LocalDate.of(2026, 1, 1).plusDays(random.nextInt(20)))
        .append("'\n");
    if (random.nextInt(10) == 0) {
      sb.append("aliases:\n- ").append(title.toUpperCase()).append('\n');
    }
    sb.append("tags:\n- type/customer\n- generated\n---\n\n");
    sb.append("# ").append(title).append("\n\n");
    if (queryBlock) {
      sb.append("```dataview\nLIST FROM [[")
          .append(title)
          .append("]]\nSORT file.mtime DESC\n```\n\n");
    }
    sb.append("## Recent Context\n\n");
    int entries = 12 + random.nextInt(7);
    int undated = random.nextInt(6);
    List<LocalDate> dates = new ArrayList<>();
    for (int i = undated; i < entries; i++) {
      dates.add(newest.minusDays(random.nextInt(400)));
    }
    dates.sort(Comparator.reverseOrder());
    for (int i = 0; i < entries; i++) {
      LocalDate date = i < undated ? null : dates.get(i - undated);
      sb.append("- ").append(date == null ? "unknown" : date.toString()).append(": [[");
      String target =
          (date == null ? title + " " : date + " - ") + words(random, 4 + random.nextInt(8));
      sb.append(target);
      if (random.nextInt(12) == 0) {
        sb.append('|').append(words(random, 2));
      }
      sb.append("]] - ").append(summary(random));
      if (random.nextInt(3) > 0) {
        sb.append(" (via ").append(PEOPLE[random.nextInt(PEOPLE.length)]).append(')');
      }
      sb.append('\n');
    }
    sb.append("\n## Key Facts\n\n");
    for (int i = 0, n = 6 + random.nextInt(6); i < n; i++) {
      sb.append("- ")
          .append(title)
          .append("\u2019s ")
          .append(words(random, 14 + random.nextInt(14)))
          .append(".\n");
    }
    sb.append("\n## Topics\n\n").append(words(random, 60 + random.nextInt(40))).append('\n');
    sb.append("\n## Related\n\n<!-- Wikilinks to related entities -->\n");
    return sb.toString();
  }

  private static String summary(Random random) {
    String s = "Conversation about \u201C" + words(random, 3) + "\u201D and " + words(random, 14);
    return s.length() > 100 ? s.substring(0, 100) + "..." : s;
  }

  private static String words(Random random, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }
}

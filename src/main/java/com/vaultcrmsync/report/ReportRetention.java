package com.vaultcrmsync.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the timestamped reports of the newest runs in a report folder and deletes older ones: a
 * daemon syncing a large vault every 15 minutes would otherwise fill the disk (a no-op's three
 * renderings are about 28 MB at 50,000 notes). Only files named as the sync names its reports
 * ({@code <yyyyMMdd'T'HHmmss'Z'>-<mode>.json|md|html}) are touched; {@code latest.*} and anything
 * else in the folder stay.
 */
public final class ReportRetention {
  private static final Logger LOG = LoggerFactory.getLogger(ReportRetention.class);
  private static final Pattern REPORT =
      Pattern.compile("(\\d{8}T\\d{6}Z-[a-z-]+)\\.(json|md|html)");

  /**
   * Deletes the reports of all but the newest {@code keepRuns} runs in {@code dir}; 0 or less keeps
   * every report. A file that cannot be deleted is logged and left; it never fails the run.
   *
   * @return how many files were deleted
   */
  public int prune(String dir, int keepRuns) {
    if (keepRuns <= 0) {
      return 0;
    }
    Map<String, List<Path>> runs = new TreeMap<>(Comparator.reverseOrder());
    try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of(dir))) {
      for (Path file : files) {
        Matcher m = REPORT.matcher(file.getFileName().toString());
        if (m.matches() && Files.isRegularFile(file)) {
          runs.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(file);
        }
      }
    } catch (IOException e) {
      LOG.warn("Old reports not pruned: cannot list {}: {}", dir, e.getMessage());
      return 0;
    }
    int deleted = 0;
    int kept = 0;
    for (List<Path> run : runs.values()) {
      if (kept++ < keepRuns) {
        continue;
      }
      for (Path file : run) {
        try {
          Files.deleteIfExists(file);
          deleted++;
        } catch (IOException e) {
          LOG.warn("Old report not deleted: {}: {}", file, e.getMessage());
        }
      }
    }
    if (deleted > 0) {
      LOG.debug("Deleted {} report files of runs older than the newest {}", deleted, keepRuns);
    }
    return deleted;
  }
}

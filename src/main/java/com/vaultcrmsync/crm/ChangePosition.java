package com.vaultcrmsync.crm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a {@link ChangeSource} reads from, as Debezium keeps an offset: a small value the sync
 * stores between runs and hands back. For {@code queryAll} polling it is the watermark (the {@code
 * SystemModstamp} up to which every change was applied) and the lookback read again before it, for
 * clock skew and commits that landed late: changes are read from {@link #since()}.
 *
 * <p>Within that window the sync's own pushes are not read again: {@code ownWrites} names the
 * integration user and the server-time windows of its pushes, which the source excludes in its
 * query ({@link OwnWrites#soqlFilter()}).
 *
 * @param watermark the stamp the last completed pull covered
 * @param lookback how far before the watermark to read again; zero or more
 * @param ownWrites the sync's own pushes the source leaves out; {@link OwnWrites#NONE} for none
 */
public record ChangePosition(Instant watermark, Duration lookback, OwnWrites ownWrites) {
  public ChangePosition {
    Objects.requireNonNull(watermark, "watermark");
    ownWrites = ownWrites == null ? OwnWrites.NONE : ownWrites;
    if (lookback.isNegative()) {
      throw new IllegalArgumentException("lookback must not be negative: " + lookback);
    }
  }

  /** A position that excludes nothing. */
  public ChangePosition(Instant watermark, Duration lookback) {
    this(watermark, lookback, OwnWrites.NONE);
  }

  /** The same position, leaving out {@code own} (only the windows that reach {@link #since()}). */
  public ChangePosition excluding(OwnWrites own) {
    return new ChangePosition(watermark, lookback, own.from(since()));
  }

  /** The earliest {@code SystemModstamp} read: the watermark minus the lookback. */
  public Instant since() {
    return watermark.minus(lookback);
  }

  /**
   * The sync's own writes as a pull excludes them: the integration user's id and the server-time
   * windows of its pushes. A record is the echo of a push when its {@code LastModifiedById} is that
   * user and its {@code SystemModstamp} lies inside one of the windows; {@link #soqlFilter()} turns
   * that into a SOQL condition so that the echoes are never read (see docs/sync-semantics.md).
   *
   * <p>Windows are kept sorted, merged when they overlap or lie closer than {@value #MERGE_GAP_MS}
   * ms, and bounded to {@value #MAX_WINDOWS} (the closest neighbours merged first), so that the
   * query stays far below Salesforce's 16,384-byte URL limit. A merge can only widen a window:
   * records are never excluded beyond what the windows, as stored, cover.
   *
   * @param userId the integration user's id, or null when unknown (nothing is then excluded)
   * @param windows disjoint, sorted, inclusive server-time windows
   */
  public record OwnWrites(String userId, List<Window> windows) {

    /** Windows closer than this are one window. */
    static final long MERGE_GAP_MS = 1000;

    /** At most this many windows in one query (about 110 bytes each once URL-encoded). */
    public static final int MAX_WINDOWS = 50;

    /** Nothing excluded. */
    public static final OwnWrites NONE = new OwnWrites(null, List.of());

    /** An inclusive server-time window: {@code from <= SystemModstamp <= to}. */
    public record Window(Instant from, Instant to) {
      public Window {
        if (to.isBefore(from)) {
          throw new IllegalArgumentException("window ends before it starts: " + from + "/" + to);
        }
      }
    }

    public OwnWrites {
      windows = normalise(windows);
    }

    /** These windows and {@code more}, merged and bounded. */
    public OwnWrites plus(Window more) {
      List<Window> all = new ArrayList<>(windows);
      all.add(more);
      return new OwnWrites(userId, all);
    }

    /** The same windows for another user: none when the user changed (other credentials). */
    public OwnWrites forUser(String user) {
      if (user == null || user.equals(userId)) {
        return user == null ? this : new OwnWrites(user, windows);
      }
      return new OwnWrites(user, List.of());
    }

    /** Without the windows that end before {@code since}: a pull from there cannot meet them. */
    public OwnWrites from(Instant since) {
      return new OwnWrites(userId, windows.stream().filter(w -> !w.to().isBefore(since)).toList());
    }

    /** Whether this excludes anything. */
    public boolean excludes() {
      return userId != null && !windows.isEmpty();
    }

    /**
     * The condition a change query ANDs to its {@code SystemModstamp >= since}: a record is read
     * unless the integration user changed it inside a window. Written as the complement, with only
     * the documented {@code AND}/{@code OR} and parentheses, datetime literals unquoted:
     *
     * <pre>
     * (LastModifiedById != '005…' OR SystemModstamp &lt; a1
     *   OR (SystemModstamp &gt; b1 AND SystemModstamp &lt; a2) OR … OR SystemModstamp &gt; bn)
     * </pre>
     *
     * It equals {@code NOT (LastModifiedById = '005…' AND ((SystemModstamp >= a1 AND SystemModstamp
     * <= b1) OR …))}; empty when nothing is excluded.
     */
    public Optional<String> soqlFilter() {
      if (!excludes()) {
        return Optional.empty();
      }
      StringBuilder sb =
          new StringBuilder("(LastModifiedById != ").append(SoqlLiteral.quote(userId));
      Instant previousEnd = null;
      for (Window w : windows) {
        String from = SoqlLiteral.datetime(w.from());
        if (previousEnd == null) {
          sb.append(" OR SystemModstamp < ").append(from);
        } else {
          sb.append(" OR (SystemModstamp > ")
              .append(SoqlLiteral.datetime(previousEnd))
              .append(" AND SystemModstamp < ")
              .append(from)
              .append(')');
        }
        previousEnd = w.to();
      }
      return Optional.of(
          sb.append(" OR SystemModstamp > ")
              .append(SoqlLiteral.datetime(previousEnd))
              .append(')')
              .toString());
    }

    /** {@code <userId> <from>/<to> …}: how the state stores it. */
    public String encode() {
      StringBuilder sb = new StringBuilder(userId == null ? "-" : userId);
      for (Window w : windows) {
        sb.append(' ').append(w.from()).append('/').append(w.to());
      }
      return sb.toString();
    }

    /** Reads what {@link #encode()} wrote; {@link #NONE} for anything unreadable. */
    public static OwnWrites parse(String text) {
      if (text == null || text.isBlank()) {
        return NONE;
      }
      try {
        String[] parts = text.trim().split(" ");
        List<Window> windows = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
          int slash = parts[i].indexOf('/');
          windows.add(
              new Window(
                  Instant.parse(parts[i].substring(0, slash)),
                  Instant.parse(parts[i].substring(slash + 1))));
        }
        return new OwnWrites(parts[0].equals("-") ? null : parts[0], windows);
      } catch (RuntimeException e) {
        return NONE;
      }
    }

    private static List<Window> normalise(List<Window> in) {
      List<Window> sorted = new ArrayList<>(in);
      sorted.sort(Comparator.comparing(Window::from));
      List<Window> out = new ArrayList<>(sorted.size());
      for (Window w : sorted) {
        Window last = out.isEmpty() ? null : out.get(out.size() - 1);
        if (last != null && gap(last, w) < MERGE_GAP_MS) {
          out.set(out.size() - 1, join(last, w));
        } else {
          out.add(w);
        }
      }
      while (out.size() > MAX_WINDOWS) {
        int closest = 0;
        for (int i = 1; i + 1 < out.size(); i++) {
          if (gap(out.get(i), out.get(i + 1)) < gap(out.get(closest), out.get(closest + 1))) {
            closest = i;
          }
        }
        out.set(closest, join(out.get(closest), out.remove(closest + 1)));
      }
      return List.copyOf(out);
    }

    private static long gap(Window a, Window b) {
      return Duration.between(a.to(), b.from()).toMillis();
    }

    private static Window join(Window a, Window b) {
      return new Window(a.from(), a.to().isAfter(b.to()) ? a.to() : b.to());
    }
  }
}

package com.vaultcrmsync.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.quartz.CronExpression;

/**
 * One configuration key: its name, what a valid value looks like and how the text becomes a typed
 * value. The default and the one-line doc of every key live in {@code
 * config/application.properties}; {@link SettingKeys} lists every key the code reads.
 *
 * @param name the property name, as in {@code config/application.properties}
 * @param expected what a valid value looks like, for messages ("a whole number from 0 to 86400")
 * @param parse the text (stripped) to the value; null when the text is not valid
 */
public record SettingKey<T>(String name, String expected, Function<String, T> parse) {

  /**
   * The value of {@code text}.
   *
   * @throws IllegalArgumentException {@code "<name>: expected <expected>, got '<text>'"}
   */
  public T read(String text) {
    String stripped = text == null ? "" : text.strip();
    T value;
    try {
      value = parse.apply(stripped);
    } catch (RuntimeException e) {
      value = null;
    }
    if (value == null) {
      throw new IllegalArgumentException(name + ": expected " + expected + ", got '" + text + "'");
    }
    return value;
  }

  /** Any text, empty included. */
  public static SettingKey<String> text(String name) {
    return new SettingKey<>(name, "text", t -> t);
  }

  /** Text that must not be empty. */
  public static SettingKey<String> required(String name, String expected) {
    return new SettingKey<>(name, expected, t -> t.isEmpty() ? null : t);
  }

  /** A folder or file; empty means "not set" (the documented fallback applies). */
  public static SettingKey<Optional<String>> optionalPath(String name) {
    return new SettingKey<>(
        name, "a path or nothing", t -> Optional.of(t).filter(s -> !s.isEmpty()));
  }

  public static SettingKey<Integer> integer(String name, int min, int max) {
    return new SettingKey<>(
            name, range("a whole number", min, max), t -> within(Long.parseLong(t), min, max))
        .map(Long::intValue);
  }

  public static SettingKey<Long> whole(String name, long min, long max) {
    return new SettingKey<>(
        name, range("a whole number", min, max), t -> within(Long.parseLong(t), min, max));
  }

  /** A number of seconds. */
  public static SettingKey<Duration> seconds(String name, long min, long max) {
    return whole(name, min, max).map(Duration::ofSeconds);
  }

  /** A number of milliseconds. */
  public static SettingKey<Duration> millis(String name, long min, long max) {
    return whole(name, min, max).map(Duration::ofMillis);
  }

  public static SettingKey<Double> decimal(String name, double min, double max) {
    return new SettingKey<>(
        name,
        "a number from " + plain(min) + " to " + plain(max),
        t -> {
          double d = Double.parseDouble(t);
          return d >= min && d <= max ? d : null;
        });
  }

  /** A share from 0 to 1. */
  public static SettingKey<Double> share(String name) {
    return new SettingKey<>(name, "a share from 0 to 1", decimal(name, 0, 1).parse());
  }

  public static SettingKey<Boolean> bool(String name) {
    return new SettingKey<>(
        name,
        "true or false",
        t -> t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false") ? Boolean.valueOf(t) : null);
  }

  /**
   * One of the {@code labels}, case-insensitive; {@code choices.get(i)} is the value of label i.
   */
  @SafeVarargs
  public static <E> SettingKey<E> oneOf(String name, List<String> labels, E... choices) {
    List<E> values = Arrays.asList(choices);
    String expected =
        labels.size() == 1
            ? labels.get(0)
            : String.join(", ", labels.subList(0, labels.size() - 1))
                + " or "
                + labels.get(labels.size() - 1);
    return new SettingKey<>(
        name,
        expected,
        t -> {
          int i = labels.indexOf(t.toLowerCase(Locale.ROOT));
          return i < 0 ? null : values.get(i);
        });
  }

  /** A Quartz cron expression (seconds minutes hours day-of-month month day-of-week). */
  public static SettingKey<String> cron(String name) {
    return new SettingKey<>(
        name,
        "a Quartz cron expression (seconds minutes hours day-of-month month day-of-week)",
        t -> CronExpression.isValidExpression(t) ? t : null);
  }

  /** This key with another description of a valid value. */
  public SettingKey<T> expecting(String what) {
    return new SettingKey<>(name, what, parse);
  }

  /** This key with its value mapped; the expectation stays. */
  public <R> SettingKey<R> map(Function<? super T, ? extends R> f) {
    return new SettingKey<>(
        name,
        expected,
        t -> {
          T v = parse.apply(t);
          return v == null ? null : f.apply(v);
        });
  }

  private static Long within(long n, long min, long max) {
    return n >= min && n <= max ? n : null;
  }

  private static String range(String what, long min, long max) {
    return what + " from " + min + " to " + max;
  }

  private static String plain(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}

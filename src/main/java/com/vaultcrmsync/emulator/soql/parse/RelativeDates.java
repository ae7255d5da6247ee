package com.vaultcrmsync.emulator.soql.parse;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;

/**
 * Salesforce's relative date literals ({@code TODAY}, {@code LAST_N_DAYS:n}, …) as day ranges.
 * Ranges are computed in UTC (the emulator's only user time zone), weeks start on Sunday (the
 * {@code en_US} locale), quarters are calendar quarters. {@code LAST_N_DAYS:n} includes today and
 * the n days before it; {@code NEXT_N_DAYS:n} starts tomorrow and does not include today, as
 * Salesforce documents.
 */
public final class RelativeDates {

  /** The half-open day range {@code [start, end)}. */
  public record Range(LocalDate start, LocalDate end) {}

  private static final Set<String> PLAIN =
      Set.of(
          "YESTERDAY",
          "TODAY",
          "TOMORROW",
          "LAST_WEEK",
          "THIS_WEEK",
          "NEXT_WEEK",
          "LAST_MONTH",
          "THIS_MONTH",
          "NEXT_MONTH",
          "LAST_90_DAYS",
          "NEXT_90_DAYS",
          "LAST_QUARTER",
          "THIS_QUARTER",
          "NEXT_QUARTER",
          "LAST_YEAR",
          "THIS_YEAR",
          "NEXT_YEAR");

  private static final Set<String> WITH_N =
      Set.of(
          "LAST_N_DAYS",
          "NEXT_N_DAYS",
          "N_DAYS_AGO",
          "LAST_N_WEEKS",
          "NEXT_N_WEEKS",
          "N_WEEKS_AGO",
          "LAST_N_MONTHS",
          "NEXT_N_MONTHS",
          "N_MONTHS_AGO",
          "LAST_N_QUARTERS",
          "NEXT_N_QUARTERS",
          "N_QUARTERS_AGO",
          "LAST_N_YEARS",
          "NEXT_N_YEARS",
          "N_YEARS_AGO");

  private RelativeDates() {}

  /** Whether {@code upperName} is a relative date literal without a number. */
  static boolean isPlain(String upperName) {
    return PLAIN.contains(upperName);
  }

  /** Whether {@code upperName} is a relative date literal that takes {@code :n}. */
  static boolean takesNumber(String upperName) {
    return WITH_N.contains(upperName);
  }

  /** The day range the literal denotes when today is {@code today}. */
  public static Range range(String name, Integer n, LocalDate today) {
    LocalDate week = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
    LocalDate month = today.withDayOfMonth(1);
    LocalDate quarter = month.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
    LocalDate year = today.withDayOfYear(1);
    int count = n == null ? 0 : n;
    return switch (name) {
      case "YESTERDAY" -> new Range(today.minusDays(1), today);
      case "TODAY" -> new Range(today, today.plusDays(1));
      case "TOMORROW" -> new Range(today.plusDays(1), today.plusDays(2));
      case "LAST_WEEK" -> new Range(week.minusWeeks(1), week);
      case "THIS_WEEK" -> new Range(week, week.plusWeeks(1));
      case "NEXT_WEEK" -> new Range(week.plusWeeks(1), week.plusWeeks(2));
      case "LAST_MONTH" -> new Range(month.minusMonths(1), month);
      case "THIS_MONTH" -> new Range(month, month.plusMonths(1));
      case "NEXT_MONTH" -> new Range(month.plusMonths(1), month.plusMonths(2));
      case "LAST_90_DAYS" -> new Range(today.minusDays(90), today.plusDays(1));
      case "NEXT_90_DAYS" -> new Range(today.plusDays(1), today.plusDays(91));
      case "LAST_QUARTER" -> new Range(quarter.minusMonths(3), quarter);
      case "THIS_QUARTER" -> new Range(quarter, quarter.plusMonths(3));
      case "NEXT_QUARTER" -> new Range(quarter.plusMonths(3), quarter.plusMonths(6));
      case "LAST_YEAR" -> new Range(year.minusYears(1), year);
      case "THIS_YEAR" -> new Range(year, year.plusYears(1));
      case "NEXT_YEAR" -> new Range(year.plusYears(1), year.plusYears(2));
      case "LAST_N_DAYS" -> new Range(today.minusDays(count), today.plusDays(1));
      case "NEXT_N_DAYS" -> new Range(today.plusDays(1), today.plusDays(1L + count));
      case "N_DAYS_AGO" -> new Range(today.minusDays(count), today.minusDays(count - 1L));
      case "LAST_N_WEEKS" -> new Range(week.minusWeeks(count), week);
      case "NEXT_N_WEEKS" -> new Range(week.plusWeeks(1), week.plusWeeks(1L + count));
      case "N_WEEKS_AGO" -> new Range(week.minusWeeks(count), week.minusWeeks(count - 1L));
      case "LAST_N_MONTHS" -> new Range(month.minusMonths(count), month);
      case "NEXT_N_MONTHS" -> new Range(month.plusMonths(1), month.plusMonths(1L + count));
      case "N_MONTHS_AGO" -> new Range(month.minusMonths(count), month.minusMonths(count - 1L));
      case "LAST_N_QUARTERS" -> new Range(quarter.minusMonths(3L * count), quarter);
      case "NEXT_N_QUARTERS" ->
          new Range(quarter.plusMonths(3), quarter.plusMonths(3 + 3L * count));
      case "N_QUARTERS_AGO" ->
          new Range(quarter.minusMonths(3L * count), quarter.minusMonths(3L * count - 3));
      case "LAST_N_YEARS" -> new Range(year.minusYears(count), year);
      case "NEXT_N_YEARS" -> new Range(year.plusYears(1), year.plusYears(1L + count));
      case "N_YEARS_AGO" -> new Range(year.minusYears(count), year.minusYears(count - 1L));
      default -> throw new IllegalArgumentException("not a relative date literal: " + name);
    };
  }
}

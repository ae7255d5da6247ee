package com.vaultcrmsync.emulator.soql;

import com.vaultcrmsync.emulator.soql.parse.SoqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A query's result whose rows are built a page at a time: the matched records are found, filtered,
 * sorted and windowed by OFFSET and LIMIT when the query runs, but a row ({@link SoqlRecord},
 * shaped as {@link SoqlResult} describes) is projected only when {@link #rows} asks for it.
 *
 * <p>Snapshot semantics: the pages hold references to the matched records as the {@link
 * SoqlRecordSource} returned them. With a source whose records are immutable maps replaced on write
 * (the emulator's store), a page shows the queried object's fields as they were when the query ran,
 * whenever it is fetched; fields of parent records ({@code What.Name}, {@code Owner.Name}) are read
 * when the page is built. Salesforce's query cursors likewise fix the set and order of ids when the
 * query runs and read field values when a batch is fetched. Thread-safe: pages may be built
 * concurrently.
 */
public final class SoqlPages {
  private final List<Map<String, Object>> records;
  private final RowProjector projector;
  private final String objectName;
  private final int count;

  private SoqlPages(
      List<Map<String, Object>> records, RowProjector projector, String objectName, int count) {
    this.records = records;
    this.projector = projector;
    this.objectName = objectName;
    this.count = count;
  }

  static SoqlPages rows(
      List<Map<String, Object>> records, RowProjector projector, String objectName) {
    return new SoqlPages(records, projector, objectName, -1);
  }

  static SoqlPages count(int count, String objectName) {
    return new SoqlPages(List.of(), null, objectName, count);
  }

  /**
   * Rows matched after OFFSET and LIMIT, as Salesforce reports it; for {@code COUNT()} the count.
   */
  public int totalSize() {
    return countQuery() ? count : records.size();
  }

  /** How many rows {@link #rows} can give (0 for {@code COUNT()}). */
  public int size() {
    return records.size();
  }

  /** Canonical name of the queried object. */
  public String objectName() {
    return objectName;
  }

  /** Whether the query was {@code SELECT COUNT() FROM …}. */
  public boolean countQuery() {
    return count >= 0;
  }

  /**
   * The rows at positions {@code [from, to)} of the result, projected now.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= from <= to <= size()}
   * @throws SoqlException {@code UNKNOWN_EXCEPTION} when a record broke the {@link
   *     SoqlRecordSource} contract
   */
  public List<Map<String, Object>> rows(int from, int to) throws SoqlException {
    List<Map<String, Object>> page = records.subList(from, to);
    List<Map<String, Object>> rows = new ArrayList<>(page.size());
    try {
      for (Map<String, Object> record : page) {
        rows.add(projector.project(record));
      }
    } catch (RuntimeException e) {
      throw SoqlEngine.unexpected(e);
    }
    return rows;
  }

  /** Every row projected, as {@link SoqlEngine#execute} answers. */
  SoqlResult all() throws SoqlException {
    return new SoqlResult(totalSize(), rows(0, size()), objectName, countQuery());
  }
}

package com.vaultcrmsync.emulator.soql.parse;

/**
 * A query Salesforce would reject, with its error code ({@code MALFORMED_QUERY}, {@code
 * INVALID_FIELD}, {@code INVALID_TYPE}, {@code INVALID_QUERY_FILTER_OPERATOR}, {@code
 * NUMBER_OUTSIDE_VALID_RANGE}; all HTTP 400) and its message text, or {@code UNKNOWN_EXCEPTION}
 * (HTTP 500) when a record broke the record source's contract. Messages that point at a place in
 * the query use Salesforce's layout: {@code "\n<query line>\n<spaces>^\nERROR at
 * Row:r:Column:c\n<text>"}.
 */
public final class SoqlException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String errorCode;

  public SoqlException(String errorCode, String message) {
    super(message);
    this.errorCode = errorCode;
  }

  public SoqlException(String errorCode, String message, Throwable cause) {
    super(message, cause);
    this.errorCode = errorCode;
  }

  /** Salesforce's error code, to be sent as {@code errorCode} in the 400 response body. */
  public String errorCode() {
    return errorCode;
  }

  /** An error located at {@code offset} (0-based) in {@code soql}, framed as Salesforce does. */
  public static SoqlException at(String soql, int offset, String errorCode, String text) {
    int safe = Math.max(0, Math.min(offset, soql.length()));
    int lineStart = soql.lastIndexOf('\n', safe - 1) + 1;
    int lineEnd = soql.indexOf('\n', safe);
    String line = soql.substring(lineStart, lineEnd < 0 ? soql.length() : lineEnd);
    int row = 1;
    for (int i = 0; i < lineStart; i++) {
      if (soql.charAt(i) == '\n') {
        row++;
      }
    }
    int column = safe - lineStart + 1;
    String message =
        "\n"
            + line
            + "\n"
            + " ".repeat(column - 1)
            + "^\nERROR at Row:"
            + row
            + ":Column:"
            + column
            + "\n"
            + text;
    return new SoqlException(errorCode, message);
  }
}

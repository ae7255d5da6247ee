package com.vaultcrmsync.vault;

/** The line terminator a note uses; new lines the editor writes use the same one. */
public enum LineEnding {
  LF("\n"),
  CRLF("\r\n");

  private final String chars;

  LineEnding(String chars) {
    this.chars = chars;
  }

  public String chars() {
    return chars;
  }
}

package com.vaultcrmsync.mapping;

/**
 * A mapping file that cannot be used: its message names the file, the line and the key, and says
 * what was expected. The command line turns it into exit code 2.
 */
public class MappingException extends RuntimeException {
  private final String file;
  private final int line;
  private final String key;

  public MappingException(String file, int line, String key, String problem) {
    super(file + ":" + line + ": " + (key == null ? "" : "'" + key + "': ") + problem);
    this.file = file;
    this.line = line;
    this.key = key;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  /** The key at fault (dotted path such as {@code fields.Subject}), or null for the whole file. */
  public String key() {
    return key;
  }
}

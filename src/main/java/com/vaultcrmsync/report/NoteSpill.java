package com.vaultcrmsync.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.vaultcrmsync.report.RunReport.NoteReport;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Note rows of a run report kept on disk rather than in the heap: each {@link NoteReport} is one
 * compact JSON line appended to a hidden temp file, found again by its {@link Slot}. The file is
 * opened with {@code DELETE_ON_CLOSE} (on Linux it is unlinked at once, so nothing is left behind
 * even when the process is killed) and is gone when the spill is closed or no longer referenced.
 * One run records; its report may then be read by several threads in turn.
 */
public final class NoteSpill implements Closeable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectWriter WRITER = JSON.writerFor(NoteReport.class);
  private static final ObjectReader READER = JSON.readerFor(NoteReport.class);
  private static final int WINDOW = 64 * 1024;

  private final FileChannel channel;
  private long end;
  private ByteBuffer window = ByteBuffer.allocate(0);
  private long windowStart = -1;

  /** Where one note row lies in the spill file. */
  public record Slot(long offset, int length) {}

  private NoteSpill(FileChannel channel) {
    this.channel = channel;
  }

  /**
   * Opens a new spill in {@code dir} (created when missing).
   *
   * @throws UncheckedIOException when the file cannot be created
   */
  public static NoteSpill create(Path dir) {
    try {
      Files.createDirectories(dir);
      // Owner-only (createTempFile's default): the rows hold note titles and entry text.
      Path file = Files.createTempFile(dir, ".report-rows-", ".jsonl");
      return new NoteSpill(
          FileChannel.open(
              file,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE,
              StandardOpenOption.DELETE_ON_CLOSE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the report's spill file in " + dir, e);
    }
  }

  /** Appends one note row; returns where it lies. */
  public synchronized Slot write(NoteReport note) {
    try {
      byte[] line = WRITER.writeValueAsBytes(note);
      ByteBuffer buffer = ByteBuffer.wrap(line);
      long at = end;
      while (buffer.hasRemaining()) {
        end += channel.write(buffer, end);
      }
      return new Slot(at, line.length);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report's spill file", e);
    }
  }

  /** Reads one note row back. */
  public synchronized NoteReport read(Slot slot) {
    try {
      if (windowStart < 0
          || slot.offset() < windowStart
          || slot.offset() + slot.length() > windowStart + window.limit()) {
        fill(slot);
      }
      int from = (int) (slot.offset() - windowStart);
      return READER.readValue(window.array(), from, slot.length());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the report's spill file", e);
    }
  }

  /** Reads a window of the file starting at the slot: the rows after it are often read next. */
  private void fill(Slot slot) throws IOException {
    int size = (int) Math.min(Math.max(WINDOW, slot.length()), end - slot.offset());
    if (window.capacity() < size) {
      window = ByteBuffer.allocate(Math.max(WINDOW, size));
    }
    window.clear().limit(size);
    while (window.hasRemaining()) {
      if (channel.read(window, slot.offset() + window.position()) < 0) {
        throw new IOException("the spill file ends before " + (slot.offset() + size));
      }
    }
    window.flip();
    windowStart = slot.offset();
  }

  /**
   * The rows at {@code slots}, in that order, as a list read from disk each time it is iterated (so
   * a rendering holds one note at a time). The list keeps this spill open as long as it is used.
   */
  public List<NoteReport> notes(List<Slot> slots) {
    return new SpilledNotes(this, List.copyOf(slots));
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** A read-only view of spilled rows; not {@code RandomAccess}, so callers iterate it. */
  static final class SpilledNotes extends AbstractList<NoteReport> {
    private final NoteSpill spill;
    private final List<Slot> slots;

    SpilledNotes(NoteSpill spill, List<Slot> slots) {
      this.spill = spill;
      this.slots = slots;
    }

    @Override
    public NoteReport get(int index) {
      return spill.read(slots.get(index));
    }

    @Override
    public int size() {
      return slots.size();
    }

    @Override
    public Iterator<NoteReport> iterator() {
      Iterator<Slot> next = slots.iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return next.hasNext();
        }

        @Override
        public NoteReport next() {
          if (!next.hasNext()) {
            throw new NoSuchElementException();
          }
          return spill.read(next.next());
        }
      };
    }
  }
}

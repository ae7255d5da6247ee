package com.vaultcrmsync.emulator.org;

import com.vaultcrmsync.emulator.soql.SoqlRecordSource;
import com.vaultcrmsync.emulator.soql.SoqlSchema.FieldType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

/**
 * The org's records, safe to read from any thread while one writer commits.
 *
 * <p>Each record is an immutable map keyed by canonical field name holding only non-null values
 * (plus {@code Id} and {@code IsDeleted}); a write publishes a new map, so a reader always sees
 * whole records. Records are indexed by Id, per object in id order (= creation order), and by every
 * external-id, unique and reference field. Writes go through a {@link Transaction}, one at a time.
 */
public final class OrgStore implements SoqlRecordSource {

  private final OrgSchema schema;
  private final ConcurrentHashMap<String, Map<String, Object>> byId = new ConcurrentHashMap<>();
  private final Map<String, ConcurrentSkipListMap<String, Map<String, Object>>> byObject =
      new HashMap<>();
  // object name -> field name -> index key -> ids
  private final Map<String, Map<String, ConcurrentHashMap<Object, Set<String>>>> indexes =
      new HashMap<>();
  private final AtomicLong sequence = new AtomicLong(1);
  private final ReentrantLock writeLock = new ReentrantLock();
  // Held for writing only while a commit publishes its records, so a multi-record read never
  // sees half of another request's writes; validation happens outside it.
  private final ReentrantReadWriteLock visibility = new ReentrantReadWriteLock();
  private final AtomicLong commits = new AtomicLong();

  public OrgStore(OrgSchema schema) {
    this.schema = schema;
    for (ObjectDef o : schema.objects()) {
      byObject.put(o.name(), new ConcurrentSkipListMap<>());
      Map<String, ConcurrentHashMap<Object, Set<String>>> fieldIndexes = new HashMap<>();
      for (FieldDef f : o.fields()) {
        if (f.indexed()) {
          fieldIndexes.put(f.name(), new ConcurrentHashMap<>());
        }
      }
      indexes.put(o.name(), fieldIndexes);
    }
  }

  public OrgSchema schema() {
    return schema;
  }

  /** A new 18-character id for an object. */
  public String newId(ObjectDef object) {
    return SalesforceId.generate(object.keyPrefix(), sequence.getAndIncrement());
  }

  /** The next sequence number (persisted so ids are never reused). */
  long sequence() {
    return sequence.get();
  }

  /** Number of records of an object, deleted included. */
  public int count(String objectName) {
    return byObject.get(objectName).size();
  }

  /** Number of committed write transactions so far (persistence watches it). */
  public long commits() {
    return commits.get();
  }

  @Override
  public Stream<Map<String, Object>> scan(String objectName) {
    return schema
        .def(objectName)
        .map(o -> byObject.get(o.name()).values().stream())
        .orElseGet(Stream::empty);
  }

  @Override
  public Optional<Map<String, Object>> byId(String id) {
    String canonical = SalesforceId.canonical(id);
    return canonical == null ? Optional.empty() : Optional.ofNullable(byId.get(canonical));
  }

  @Override
  public Optional<Collection<Map<String, Object>>> lookup(
      String objectName, String field, Collection<?> values) {
    Optional<ObjectDef> object = schema.def(objectName);
    if (object.isEmpty()) {
      return Optional.empty();
    }
    FieldDef def = object.get().field(field);
    if (def == null) {
      return Optional.empty();
    }
    List<Map<String, Object>> found = new ArrayList<>();
    if (def.type() == FieldType.ID) {
      for (Object v : values) {
        byId(String.valueOf(v))
            .filter(r -> SalesforceId.prefix((String) r.get("Id")).equals(object.get().keyPrefix()))
            .ifPresent(found::add);
      }
      return Optional.of(found);
    }
    ConcurrentHashMap<Object, Set<String>> index = indexes.get(object.get().name()).get(def.name());
    if (index == null) {
      return Optional.empty();
    }
    for (Object v : values) {
      Object key = indexKey(def, v);
      Set<String> ids = key == null ? null : index.get(key);
      if (ids != null) {
        for (String id : ids) {
          Map<String, Object> r = byId.get(id);
          if (r != null && matches(def, r.get(def.name()), key)) {
            found.add(r);
          }
        }
      }
    }
    return Optional.of(found);
  }

  /** Records of an object whose indexed field equals {@code value} (case-insensitive text). */
  public List<Map<String, Object>> findBy(ObjectDef object, FieldDef field, Object value) {
    return new ArrayList<>(lookup(object.name(), field.name(), List.of(value)).orElseThrow());
  }

  /** A consistent copy of the record references and the id sequence, for saving. */
  public Snapshot snapshot() {
    writeLock.lock();
    try {
      return new Snapshot(new ArrayList<>(byId.values()), sequence.get(), commits.get());
    } finally {
      writeLock.unlock();
    }
  }

  /** Records (immutable maps) as of one moment. */
  public record Snapshot(List<Map<String, Object>> records, long sequence, long commits) {}

  /** Starts the one write transaction; the caller must close it. */
  public Transaction begin() {
    writeLock.lock();
    return new Transaction(this);
  }

  /** Removes every record (reset); the caller holds no transaction. */
  public void clear() {
    writeLock.lock();
    visibility.writeLock().lock();
    try {
      byId.clear();
      byObject.values().forEach(Map::clear);
      indexes.values().forEach(m -> m.values().forEach(Map::clear));
      commits.incrementAndGet();
    } finally {
      visibility.writeLock().unlock();
      writeLock.unlock();
    }
  }

  /** Loads records from a saved org; the caller holds no transaction. */
  void load(Collection<Map<String, Object>> records, long nextSequence) {
    writeLock.lock();
    try {
      for (Map<String, Object> r : records) {
        publish(r);
      }
      sequence.set(Math.max(sequence.get(), nextSequence));
    } finally {
      writeLock.unlock();
    }
  }

  /** Runs a multi-record read that must see each commit whole or not at all. */
  public <T, E extends Exception> T read(Reader<T, E> reader) throws E {
    visibility.readLock().lock();
    try {
      return reader.get();
    } finally {
      visibility.readLock().unlock();
    }
  }

  /** Publishes record versions as one visible step. */
  void publishAll(Collection<Map<String, Object>> records) {
    visibility.writeLock().lock();
    try {
      for (Map<String, Object> r : records) {
        publish(r);
      }
      commits.incrementAndGet();
    } finally {
      visibility.writeLock().unlock();
    }
  }

  void unlock() {
    writeLock.unlock();
  }

  /** A read that may fail. */
  @FunctionalInterface
  public interface Reader<T, E extends Exception> {
    T get() throws E;
  }

  /** Publishes a record version, replacing the previous one and its index entries. */
  void publish(Map<String, Object> record) {
    String id = (String) record.get("Id");
    ObjectDef object = schema.byPrefix(SalesforceId.prefix(id)).orElseThrow();
    Map<String, Object> old = byId.put(id, record);
    byObject.get(object.name()).put(id, record);
    for (Map.Entry<String, ConcurrentHashMap<Object, Set<String>>> e :
        indexes.get(object.name()).entrySet()) {
      FieldDef def = object.field(e.getKey());
      Object oldKey = old == null ? null : indexKey(def, old.get(def.name()));
      Object newKey = indexKey(def, record.get(def.name()));
      if (oldKey != null && !oldKey.equals(newKey)) {
        Set<String> ids = e.getValue().get(oldKey);
        if (ids != null) {
          ids.remove(id);
          if (ids.isEmpty()) {
            e.getValue().remove(oldKey, ids);
          }
        }
      }
      if (newKey != null) {
        e.getValue().computeIfAbsent(newKey, k -> ConcurrentHashMap.newKeySet()).add(id);
      }
    }
    long seq = SalesforceId.sequence(id);
    if (seq >= sequence.get()) {
      sequence.set(seq + 1);
    }
  }

  private static boolean matches(FieldDef def, Object stored, Object key) {
    return stored != null && key.equals(indexKey(def, stored));
  }

  /** Index key: text lower-cased (external ids match case-insensitively), ids canonical. */
  public static Object indexKey(FieldDef def, Object value) {
    if (value == null) {
      return null;
    }
    if (def.type() == FieldType.REFERENCE || def.type() == FieldType.ID) {
      String canonical = SalesforceId.canonical(String.valueOf(value));
      return canonical == null ? null : canonical;
    }
    if (value instanceof String s) {
      return s.toLowerCase(Locale.ROOT);
    }
    if (value instanceof Number n && !(value instanceof Double)) {
      return n.doubleValue();
    }
    return value;
  }
}

package com.vaultcrmsync.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import com.vaultcrmsync.emulator.http.ApiRouter;
import com.vaultcrmsync.emulator.http.CallStats;
import com.vaultcrmsync.emulator.http.CollectionsEndpoint;
import com.vaultcrmsync.emulator.http.DiscoveryEndpoint;
import com.vaultcrmsync.emulator.http.EmulatorStats;
import com.vaultcrmsync.emulator.http.FaultState;
import com.vaultcrmsync.emulator.http.Faults;
import com.vaultcrmsync.emulator.http.JwtVerifier;
import com.vaultcrmsync.emulator.http.QueryCursors;
import com.vaultcrmsync.emulator.http.QueryEndpoint;
import com.vaultcrmsync.emulator.http.ReplicationEndpoint;
import com.vaultcrmsync.emulator.http.SObjectEndpoint;
import com.vaultcrmsync.emulator.http.SessionRegistry;
import com.vaultcrmsync.emulator.http.TokenEndpoint;
import com.vaultcrmsync.emulator.org.ApiException;
import com.vaultcrmsync.emulator.org.DailyUsage;
import com.vaultcrmsync.emulator.org.JsonBody;
import com.vaultcrmsync.emulator.org.ObjectDef;
import com.vaultcrmsync.emulator.org.Org;
import com.vaultcrmsync.emulator.org.OrgFile;
import com.vaultcrmsync.emulator.org.OrgSchema;
import com.vaultcrmsync.emulator.org.OrgStore;
import com.vaultcrmsync.emulator.org.RecordInput;
import com.vaultcrmsync.emulator.org.Transaction;
import com.vaultcrmsync.emulator.org.WireFormat;
import com.vaultcrmsync.emulator.org.Writes;
import com.vaultcrmsync.emulator.soql.SoqlEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Salesforce org speaking the REST API subset the connector uses, on 127.0.0.1 only. The
 * same base URL serves as login URL and instance URL. Start with {@link #start}; close to stop (and
 * save, with a data file).
 *
 * <p>Thread-safe: requests are served by a bounded pool; writes of one request are applied
 * atomically; reads wait only while a commit publishes its records, never during validation.
 */
public final class Emulator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Emulator.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int THREADS = 8;
  private static final long SAVE_DEBOUNCE_MS = 500;
  private static final long SAVE_AT_LEAST_EVERY_MS = 5000;

  static {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
    // delayed ACK: every response would take ~40 ms on loopback. Read once, when the first
    // HttpServer of the JVM is created.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final EmulatorOptions options;
  private final Org org;
  private final SessionRegistry sessions;
  private final TokenEndpoint tokens;
  private final DailyUsage usage;
  private final CallStats callStats = new CallStats();
  private final FaultState faultState = new FaultState();
  private final QueryCursors cursors;
  private final Writes writes;
  private final SObjectEndpoint records;
  private final CollectionsEndpoint collections;
  private final DiscoveryEndpoint discovery;
  private final ReplicationEndpoint replication;
  private final QueryEndpoint queries;
  private final OrgFile orgFile;
  private HttpServer server;
  private ThreadPoolExecutor pool;
  private ScheduledExecutorService saver;
  private volatile long savedCommits = -1;
  private long seenCommits = -1;
  private long lastChangeNanos;
  private long lastSaveNanos = System.nanoTime();
  private String baseUrl;

  private Emulator(EmulatorOptions options) {
    this.options = options;
    OrgSchema schema = OrgSchema.load(options.schemaFile());
    this.org = new Org(schema, options.clock());
    this.sessions = new SessionRegistry(org.orgId());
    this.tokens =
        new TokenEndpoint(
            options, org, sessions, JwtVerifier.load(options.jwtCertificate(), options.clock()));
    this.usage = new DailyUsage(options.clock(), options.dailyApiLimit());
    this.cursors = new QueryCursors(options.clock());
    this.writes = new Writes(org, () -> faultState.faults().lockRowEvery());
    this.records = new SObjectEndpoint(org, writes);
    this.collections = new CollectionsEndpoint(org, writes);
    this.discovery = new DiscoveryEndpoint(org);
    this.replication = new ReplicationEndpoint(org);
    this.queries =
        new QueryEndpoint(
            new SoqlEngine(schema, org.store(), options.clock()), org.store(), cursors);
    this.orgFile = options.dataFile() == null ? null : new OrgFile(options.dataFile());
  }

  /**
   * Starts an emulator: loads the data file if any, ensures the standard users and listens.
   *
   * @throws IOException when the port is taken or the data file cannot be read
   * @throws IllegalArgumentException for a bad schema file or JWT certificate (message names it)
   */
  public static Emulator start(EmulatorOptions options) throws IOException {
    Emulator emulator = new Emulator(options);
    emulator.open();
    return emulator;
  }

  private void open() throws IOException {
    if (orgFile != null) {
      orgFile.load(org.store(), usage);
    }
    org.ensureUsers(options.username());
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    server = HttpServer.create(new InetSocketAddress(loopback, options.port()), 128);
    AtomicInteger n = new AtomicInteger();
    pool =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(512),
            r -> {
              Thread t = new Thread(r, "emulator-http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.CallerRunsPolicy());
    server.setExecutor(pool);
    server.createContext("/", new ApiRouter(this));
    server.start();
    baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    if (orgFile != null) {
      savedCommits = org.store().commits();
      saver =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "emulator-save");
                t.setDaemon(true);
                return t;
              });
      saver.scheduleWithFixedDelay(
          this::saveIfChanged, SAVE_DEBOUNCE_MS / 2, SAVE_DEBOUNCE_MS / 2, TimeUnit.MILLISECONDS);
    }
  }

  /** {@code http://127.0.0.1:PORT}: the login URL and the instance URL. */
  public String baseUrl() {
    return baseUrl;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public EmulatorOptions options() {
    return options;
  }

  /** API calls since start or the last reset. */
  public EmulatorStats stats() {
    return callStats.snapshot(usage.used(), usage.max());
  }

  /** The org: its schema, store and users. */
  public Org org() {
    return org;
  }

  public String orgId() {
    return org.orgId();
  }

  public String integrationUserId() {
    return org.integrationUserId();
  }

  public String colleagueUserId() {
    return org.colleagueUserId();
  }

  /**
   * Creates a record as the given user (id, login or full name, e.g. {@code "Dana Lee"}), with the
   * same validation as the REST API; values may be JSON-like Java values, {@link Instant}s and
   * {@link LocalDate}s.
   *
   * @return the new record's 18-character id
   * @throws IllegalArgumentException with Salesforce's error code and message when refused
   */
  public String insertAs(String user, String sObject, Map<String, Object> fields) {
    return writeAs(user, sObject, null, fields);
  }

  /** Updates a record as the given user; see {@link #insertAs}. */
  public void updateAs(String user, String sObject, String id, Map<String, Object> fields) {
    writeAs(user, sObject, id, fields);
  }

  /** Soft-deletes a record as the integration user. */
  public void delete(String id) {
    try (Transaction tx = org.store().begin()) {
      Map<String, Object> r = tx.get(id);
      if (r == null) {
        throw new IllegalArgumentException("NOT_FOUND: no record " + id);
      }
      org.writer().delete(tx, r, org.integrationUserId());
      tx.commit(options.clock().instant());
    } catch (ApiException e) {
      throw new IllegalArgumentException(describe(e), e);
    }
  }

  /** A record's stored values (typed, absent = null), deleted ones included. */
  public Optional<Map<String, Object>> record(String id) {
    return org.store().byId(id);
  }

  /** Deletes every record and clears stats, faults, cursors and today's usage; tokens stay. */
  public void reset() {
    org.store().clear();
    org.ensureUsers(options.username());
    callStats.reset();
    faultState.set(Faults.NONE);
    usage.setMax(options.dailyApiLimit());
    usage.reset();
    cursors.clear();
    writes.resetCounters();
  }

  public Faults faults() {
    return faultState.faults();
  }

  /** Sets the faults (restarting their counters) and, when not null, the daily API maximum. */
  public void setFaults(Faults faults, Integer dailyLimit) {
    faultState.set(faults);
    writes.resetCounters();
    if (dailyLimit != null) {
      usage.setMax(dailyLimit);
    }
  }

  /** Clears the faults and restores the configured daily API maximum. */
  public void clearFaults() {
    setFaults(Faults.NONE, options.dailyApiLimit());
  }

  /** Invalidates every access token (refresh tokens stay valid), as a session timeout does. */
  public void expireSessions() {
    sessions.expireAll();
  }

  /** Writes the data file now (no-op without one). */
  public synchronized void save() throws IOException {
    if (orgFile != null) {
      OrgStore.Snapshot snapshot = org.store().snapshot();
      orgFile.save(snapshot, usage);
      savedCommits = snapshot.commits();
    }
  }

  /** Stops listening and saves the org to its data file. */
  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
    }
    if (pool != null) {
      pool.shutdownNow();
    }
    if (saver != null) {
      saver.shutdown();
      try {
        saver.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      save();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the emulator org to " + orgFile.path(), e);
    }
  }

  /**
   * Saves once writes have paused for the debounce interval, and at least every few seconds while
   * they keep coming, so a large org is not rewritten after every request.
   */
  private void saveIfChanged() {
    long commits = org.store().commits();
    long now = System.nanoTime();
    if (commits != seenCommits) {
      seenCommits = commits;
      lastChangeNanos = now;
    }
    boolean quiet = now - lastChangeNanos >= SAVE_DEBOUNCE_MS * 1_000_000;
    boolean overdue = now - lastSaveNanos >= SAVE_AT_LEAST_EVERY_MS * 1_000_000;
    if (commits != savedCommits && (quiet || overdue)) {
      try {
        save();
        lastSaveNanos = now;
      } catch (IOException | RuntimeException e) {
        LOG.warn("could not save the emulator org to {}: {}", orgFile.path(), e.toString());
      }
    }
  }

  private String writeAs(String user, String sObject, String id, Map<String, Object> fields) {
    ObjectDef object =
        org.schema()
            .def(sObject)
            .orElseThrow(() -> new IllegalArgumentException("INVALID_TYPE: " + sObject));
    String userId =
        (String)
            org.user(user)
                .orElseThrow(() -> new IllegalArgumentException("no such user: " + user))
                .get("Id");
    Map<String, Object> wire = new LinkedHashMap<>();
    fields.forEach((k, v) -> wire.put(k, WireFormat.out(v)));
    try {
      return write(object, JSON.valueToTree(wire), userId, id);
    } catch (ApiException e) {
      throw new IllegalArgumentException(describe(e), e);
    }
  }

  /** Creates (id null) or updates a record from JSON fields as a user; used by the controls. */
  public String write(ObjectDef object, ObjectNode fields, String userId, String id)
      throws ApiException {
    JsonBody body = JsonBody.parse(fields.toString());
    RecordInput input = RecordInput.read(org.schema(), object, body, (ObjectNode) body.root());
    try (Transaction tx = org.store().begin()) {
      String result;
      if (id == null) {
        result = org.writer().create(tx, input, userId);
      } else {
        Map<String, Object> existing = tx.get(id);
        if (existing == null || !existing.get("Id").toString().startsWith(object.keyPrefix())) {
          throw ApiException.notFound();
        }
        org.writer().update(tx, input, existing, userId);
        result = (String) existing.get("Id");
      }
      tx.commit(options.clock().instant());
      return result;
    }
  }

  private static String describe(ApiException e) {
    return e.errors().isEmpty()
        ? "HTTP " + e.status()
        : e.errors().get(0).errorCode() + ": " + e.errors().get(0).message();
  }

  public SessionRegistry sessions() {
    return sessions;
  }

  public TokenEndpoint tokens() {
    return tokens;
  }

  public DailyUsage usage() {
    return usage;
  }

  public CallStats callStats() {
    return callStats;
  }

  public FaultState faultState() {
    return faultState;
  }

  public SObjectEndpoint records() {
    return records;
  }

  public CollectionsEndpoint collections() {
    return collections;
  }

  public DiscoveryEndpoint discovery() {
    return discovery;
  }

  public ReplicationEndpoint replication() {
    return replication;
  }

  public QueryEndpoint queries() {
    return queries;
  }
}

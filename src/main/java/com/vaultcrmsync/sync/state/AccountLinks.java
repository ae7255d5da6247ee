package com.vaultcrmsync.sync.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The {@code account_link} table: which note each Account is linked to, one link per side. */
final class AccountLinks {
  private final StateConnection db;

  AccountLinks(StateConnection db) {
    this.db = db;
  }

  public Optional<AccountLink> linkByNote(String notePath) {
    return db.one("SELECT * FROM account_link WHERE note_path = ?", AccountLinks::row, notePath);
  }

  public Optional<AccountLink> linkByAccount(String accountId) {
    return db.one("SELECT * FROM account_link WHERE account_id = ?", AccountLinks::row, accountId);
  }

  /** The links of the Accounts among {@code accountIds}, by account id: one query. */
  public Map<String, AccountLink> linksByAccounts(Collection<String> accountIds) {
    return db.byAny(
        "account_link", "account_id", AccountLinks::row, AccountLink::accountId, accountIds);
  }

  /** Account id to note path for every link: the index the pull needs. */
  public Map<String, String> links() {
    Map<String, String> out = new LinkedHashMap<>();
    for (AccountLink l :
        db.many("SELECT * FROM account_link ORDER BY note_path", AccountLinks::row)) {
      out.put(l.accountId(), l.notePath());
    }
    return out;
  }

  /** Stores a link, replacing any other link of the same note or the same account. */
  public void putLink(AccountLink l) {
    db.update(
        "DELETE FROM account_link WHERE note_path = ? AND account_id <> ?",
        l.notePath(),
        l.accountId());
    db.update(
        "MERGE INTO account_link KEY(account_id) VALUES(?, ?, ?, ?)",
        l.accountId(),
        l.notePath(),
        l.syncedHash(),
        l.pendingHash());
  }

  private static AccountLink row(ResultSet rs) throws SQLException {
    return new AccountLink(
        rs.getString("account_id"),
        rs.getString("note_path"),
        rs.getString("synced_hash"),
        rs.getString("pending_hash"));
  }
}

package dev.bugle.testkit.consul;

import java.util.ArrayList;
import java.util.List;

/**
 * The KV verbs of a transaction, after {@code agent/consul/state/txn.go} ({@code txnKVS}) and the lock-delay
 * pre-check of {@code agent/consul/kvs_endpoint.go}. Every operation runs; any error rolls all of them back.
 */
final class Txn {
  /** The outcome: results (entries, with {@code withValue} for reads) when no error, else the errors. */
  record Outcome(List<Result> results, List<Error> errors) {
    boolean failed() {
      return !errors.isEmpty();
    }
  }

  record Result(KvEntry entry, boolean withValue) {
  }

  record Error(int opIndex, String what) {
  }

  private final KvTable kv;
  private final SessionTable sessions;

  Txn(KvTable kv, SessionTable sessions) {
    this.kv = kv;
    this.sessions = sessions;
  }

  Outcome run(List<TxnOp> ops, long idx, long now) {
    KvTable.Snapshot before = kv.snapshot();
    List<Result> results = new ArrayList<>();
    List<Error> errors = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      try {
        apply(ops.get(i), idx, now, results);
      } catch (IllegalStateException e) {
        errors.add(new Error(i, e.getMessage()));
      }
    }
    if (!errors.isEmpty()) {
      kv.restore(before);
      return new Outcome(null, errors);
    }
    return new Outcome(results, List.of());
  }

  private void apply(TxnOp op, long idx, long now, List<Result> results) {
    String key = op.key();
    String q = quote(key);
    switch (op.verb()) {
      case "set" -> kv.set(idx, key, op.value(), op.flags());
      case "cas" -> check(kv.cas(idx, key, op.value(), op.flags(), op.index()), "failed to set key " + q + ", index is stale");
      case "lock" -> {
        check(!kv.lockDelayed(key, now), "failed to lock key " + q + " due to lock delay");
        requireSession(op.session());
        check(kv.lock(idx, key, op.value(), op.flags(), op.session()), "failed to lock key " + q + ", lock is already held");
      }
      case "unlock" -> {
        requireSession(op.session());
        check(kv.unlock(idx, key, op.value(), op.flags(), op.session()),
            "failed to unlock key " + q + ", lock isn't held, or is held by another session");
      }
      case "get" -> check(kv.get(key) != null, "key " + q + " doesn't exist");
      case "get-or-empty", "get-tree", "delete", "delete-tree" -> { }
      case "check-index" -> {
        KvEntry e = existing(key, "failed to check index, key " + q + " doesn't exist");
        check(e.modifyIndex() == op.index(), "failed index check for key " + q + ", current modify index "
            + e.modifyIndex() + " != " + op.index());
      }
      case "check-session" -> {
        KvEntry e = existing(key, "failed to check session, key " + q + " doesn't exist");
        String current = e.session() == null ? "" : e.session();
        check(current.equals(op.session() == null ? "" : op.session()), "failed session check for key " + q
            + ", current session " + quote(current) + " != " + quote(op.session() == null ? "" : op.session()));
      }
      case "check-not-exists" -> check(kv.get(key) == null, "key " + q + " exists");
      case "delete-cas" -> check(kv.deleteCas(idx, key, op.index()), "failed to delete key " + q + ", index is stale");
      default -> throw new IllegalStateException("unknown KV verb " + quote(op.verb()));
    }
    switch (op.verb()) {
      case "delete" -> kv.delete(idx, key);
      case "delete-tree" -> kv.deleteTree(idx, key);
      case "get-tree" -> kv.list(key).forEach(e -> results.add(new Result(e, true)));
      case "get-or-empty" -> results.add(new Result(kv.get(key) != null ? kv.get(key)
          : new KvEntry(key, null, 0, null, 0, 0, 0), true));
      case "delete-cas" -> { }
      default -> results.add(new Result(kv.get(key), op.verb().equals("get")));
    }
  }

  private KvEntry existing(String key, String message) {
    KvEntry e = kv.get(key);
    check(e != null, message);
    return e;
  }

  private void requireSession(String session) {
    check(session != null && !session.isEmpty(), "missing session");
    check(sessions.get(session) != null, "invalid session " + quote(session));
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }

  /** Go's {@code %q} for plain text. */
  static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}

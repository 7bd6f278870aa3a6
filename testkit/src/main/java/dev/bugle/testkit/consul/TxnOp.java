package dev.bugle.testkit.consul;

/** One {@code KV} operation of {@code PUT /v1/txn}. {@code value} is already base64-decoded. */
record TxnOp(String verb, String key, byte[] value, long flags, long index, String session) {
  boolean isWrite() {
    return switch (verb) {
      case "set", "cas", "lock", "unlock", "delete", "delete-cas", "delete-tree" -> true;
      default -> false;
    };
  }
}

package dev.bugle.backend.delayedjob;

import java.util.UUID;

/** MariaDB on 127.0.0.1:3306, database {@code test}, user root with an empty password. */
final class MariaDbTestDatabase extends TestDatabase {
  MariaDbTestDatabase() {
    super("jdbc:mariadb://127.0.0.1:3306/test", "root", "mysql2://root@127.0.0.1:3306/test", ".mariadb.sql",
        "scripts/services mariadb");
  }

  @Override
  Object parameter(Object value) {
    return value instanceof UUID id ? id.toString() : value;
  }

  @Override
  String unreachableUrl() {
    return "jdbc:mariadb://127.0.0.1:1/test";
  }

  @Override
  String foreignTableDdl(String table) {
    return "CREATE TABLE " + table + " (id BIGINT AUTO_INCREMENT PRIMARY KEY, handler TEXT)";
  }

  @Override
  String guardWithoutIndexDdl(String guard) {
    return "CREATE TABLE " + guard + " (fire_id CHAR(36), created_at DATETIME(6))";
  }
}

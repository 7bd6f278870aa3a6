package dev.bugle.backend.delayedjob;

/** PostgreSQL on 127.0.0.1:5432, database {@code test}, user postgres (trust). */
final class PostgresTestDatabase extends TestDatabase {
  PostgresTestDatabase() {
    super("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "postgres://postgres@127.0.0.1:5432/test", ".sql",
        "scripts/services postgresql");
  }

  @Override
  String unreachableUrl() {
    return "jdbc:postgresql://127.0.0.1:1/test";
  }

  @Override
  String foreignTableDdl(String table) {
    return "CREATE TABLE " + table + " (id bigserial, handler text)";
  }

  @Override
  String guardWithoutIndexDdl(String guard) {
    return "CREATE TABLE " + guard + " (fire_id uuid, created_at timestamp)";
  }
}

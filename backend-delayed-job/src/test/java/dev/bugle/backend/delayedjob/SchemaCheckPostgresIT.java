package dev.bugle.backend.delayedjob;

class SchemaCheckPostgresIT extends SchemaCheckCases {
  SchemaCheckPostgresIT() {
    super(TestDatabase.POSTGRES);
  }
}

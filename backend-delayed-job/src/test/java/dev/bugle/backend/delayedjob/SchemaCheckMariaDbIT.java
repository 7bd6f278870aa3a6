package dev.bugle.backend.delayedjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.spi.Enqueuer;
import org.junit.jupiter.api.Test;

class SchemaCheckMariaDbIT extends SchemaCheckCases {
  SchemaCheckMariaDbIT() {
    super(TestDatabase.MARIADB);
  }

  /** INSERT IGNORE would cut a UUID to fit a narrow column, and different fires would then look the same. */
  @Test
  void aGuardWhoseFireIdCannotHoldAUuidIsRefusedAndAUniqueKeyOtherThanThePrimaryKeyWorks() {
    db.createJobTable(table);
    db.execute("CREATE TABLE " + guard + " (fire_id CHAR(16) PRIMARY KEY, created_at DATETIME(6) NOT NULL)");
    try (Enqueuer e = enqueuer("deduplicate", "true")) {
      assertThatThrownBy(() -> e.enqueue(job())).hasMessageContaining("fire_id column cannot hold a 36-character UUID");
      db.drop(guard);
      db.execute("CREATE TABLE " + guard + " (id BIGINT AUTO_INCREMENT PRIMARY KEY, fire_id VARCHAR(64) NOT NULL,"
          + " created_at DATETIME(6) NOT NULL, UNIQUE KEY " + guard + "_fire (fire_id))");
      e.enqueue(job());
      assertThat(db.count("SELECT count(*) FROM " + guard)).isOne();
    }
  }
}

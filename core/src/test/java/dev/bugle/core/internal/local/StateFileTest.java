package dev.bugle.core.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot + journal: what a commit writes, what a read sees, and when the journal is folded. */
class StateFileTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir
  Path dir;

  private StateFile state() {
    return new StateFile(dir.resolve("ns.state.json"));
  }

  private Path journal() {
    return dir.resolve("ns.state.log");
  }

  private static Map<String, Instant> schedules(int n, Instant at) {
    Map<String, Instant> m = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      m.put("s" + i, at);
    }
    return m;
  }

  @Test
  void aSmallCommitAppendsToTheJournalAndLeavesTheSnapshotAlone() throws Exception {
    StateFile state = state();
    state.write(new StateFile.State(7, schedules(2000, T0)));
    byte[] snapshot = Files.readAllBytes(dir.resolve("ns.state.json"));
    assertThat(state.commit(7, Map.of("s1", T0.plusSeconds(60), "new", T0))).isTrue();
    assertThat(state.commit(7, Map.of("s1", T0.plusSeconds(30)))).isTrue(); // older than what is there: kept out
    assertThat(Files.readAllBytes(dir.resolve("ns.state.json"))).isEqualTo(snapshot);
    assertThat(Files.readAllLines(journal())).filteredOn(l -> !l.isBlank()).hasSize(2);
    StateFile.State read = state().read();
    assertThat(read.fencingToken()).isEqualTo(7);
    assertThat(read.checkpoints()).hasSize(2001).containsEntry("s1", T0.plusSeconds(60))
        .containsEntry("new", T0).containsEntry("s2", T0);
  }

  @Test
  void theJournalIsFoldedIntoANewSnapshotOnceItHoldsAsMuchAsTheSnapshot() throws Exception {
    StateFile state = state();
    state.write(new StateFile.State(1, schedules(1500, T0)));
    state.commit(1, Map.of("a", T0));
    state.commit(1, schedules(1498, T0.plusSeconds(60)));
    assertThat(journal()).exists();
    state.commit(1, Map.of("b", T0)); // 1,500 entries now: as many as the snapshot
    assertThat(journal()).doesNotExist();
    StateFile.State read = state().read();
    assertThat(read.checkpoints()).hasSize(1502).containsEntry("s0", T0.plusSeconds(60))
        .containsEntry("s1499", T0).containsEntry("a", T0).containsEntry("b", T0);
  }

  @Test
  void aTornRecordCountsForNothingAndTheNextOneStillDoes() throws Exception {
    StateFile state = state();
    state.write(new StateFile.State(3, Map.of()));
    state.commit(3, Map.of("before", T0));
    // a crash in the middle of an append
    Files.writeString(journal(), "\n{\"token\":3,\"checkpoints\":{\"torn\":\"2026-01-0", StandardOpenOption.APPEND);
    state.commit(3, Map.of("after", T0));
    assertThat(state().read().checkpoints()).containsOnlyKeys("before", "after");
  }

  @Test
  void recordsOfAnotherTokenCountForNothing() throws Exception {
    StateFile state = state();
    state.write(new StateFile.State(5, Map.of()));
    new Journal(journal()).append(4, Map.of("deposed", T0)); // a late append by the previous holder
    state.commit(5, Map.of("ours", T0));
    assertThat(state().read().checkpoints()).containsOnlyKeys("ours");
  }

  @Test
  void aReplacedSnapshotIsNoticedAndASuccessorsFilesAreNotFolded() throws Exception {
    StateFile mine = state();
    mine.write(new StateFile.State(1, Map.of()));
    assertThat(mine.token()).isEqualTo(1);
    StateFile successor = state();
    successor.write(new StateFile.State(2, Map.of("theirs", T0)));
    successor.commit(2, Map.of("journaled", T0));
    assertThat(mine.token()).isEqualTo(2);
    // big enough to fold: refused, and the successor's journal stays
    assertThat(mine.commit(1, schedules(StateFile.MIN_COMPACT_ENTRIES, T0))).isFalse();
    assertThat(state().read()).isEqualTo(new StateFile.State(2,
        new TreeMap<>(Map.of("theirs", T0, "journaled", T0))));
  }

  @Test
  void aTouchedSnapshotIsStillOursAndADeletedOneIsNot() throws Exception {
    StateFile state = state();
    state.write(new StateFile.State(4, Map.of()));
    Path snapshot = dir.resolve("ns.state.json");
    Files.setLastModifiedTime(snapshot, FileTime.fromMillis(0));
    assertThat(state.token()).isEqualTo(4);
    assertThat(state.commit(4, Map.of("s", T0))).isTrue();
    Files.delete(snapshot); // from now on only the remembered identity could answer 4, and it must not
    assertThat(state.token()).isEqualTo(0);
  }

  @Test
  void replayingRecordsTheSnapshotAlreadyHoldsChangesNothing() throws Exception {
    // A crash after the new snapshot's rename and before the journal was emptied leaves both.
    StateFile state = state();
    state.write(new StateFile.State(9, Map.of("s", T0.plusSeconds(60))));
    Files.writeString(journal(), "\n{\"token\":9,\"checkpoints\":{\"s\":\"" + T0 + "\"}}",
        StandardCharsets.UTF_8);
    assertThat(state().read().checkpoints()).containsExactly(Map.entry("s", T0.plusSeconds(60)));
  }
}

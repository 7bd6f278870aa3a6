package dev.bugle.backend.redis.internal;

import static dev.bugle.backend.redis.internal.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.core.JobRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PushScriptTest {
  private static final Dedupe DEDUPE = new Dedupe(true, Duration.ofDays(7), "shop");

  private static List<String> text(List<byte[]> bytes) {
    return bytes.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
  }

  @Test
  void shaIsTheSha1OfTheSource() throws Exception {
    PushScript script = PushScript.standard();
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(script.source()));
    assertThat(new String(script.sha(), StandardCharsets.US_ASCII)).isEqualTo(sha);
    assertThat(PushScript.variant("x").sha()).isNotEqualTo(script.sha());
  }

  @Test
  void jobsOfTheSameShapeShareGroupsAndOneLayout() {
    SidekiqFormat f = SidekiqFormat.read(settings());
    JobRequest a = Fixtures.job("a");
    JobRequest b = JobRequest.of("shop", "other", Fixtures.AT, "Job", null, List.of("b"), Map.of(), Map.of());
    PushScript.Call call = PushScript.standard().encode(List.of(f.write(a), f.write(b)), DEDUPE);
    assertThat(text(call.keys())).containsExactly("queues", "queue:default", "shop:bugle:fired:" + a.id(),
        "shop:bugle:fired:" + b.id());
    List<String> args = text(call.args());
    assertThat(args.subList(0, 12)).containsExactly("604800000", "2", "SADD", "-1", "default", "LPUSH", "1",
        "1", "2", "1", "2", "1");
    assertThat(args.get(12)).contains("\"args\":[\"a\"]");
    assertThat(args.get(13)).isEqualTo("1");
    assertThat(args.get(14)).contains("\"args\":[\"b\"]");
    assertThat(args).hasSize(15);
  }

  @Test
  void dedupeOffSendsZeroExpiry() {
    Dedupe off = new Dedupe(false, Duration.ofDays(7), "shop");
    PushScript.Call call = PushScript.standard().encode(List.of(SidekiqFormat.read(settings())
        .write(Fixtures.job())), off);
    assertThat(text(call.args()).get(0)).isEqualTo("0");
  }

  @Test
  void dedupeKeyBytesMatchTheKey() {
    for (int i = 0; i < 100; i++) {
      UUID id = UUID.randomUUID();
      assertThat(new String(Dedupe.keyBytes(DEDUPE.keyPrefix(), id), StandardCharsets.UTF_8))
          .isEqualTo(DEDUPE.key(id)).isEqualTo("shop:bugle:fired:" + id);
    }
  }
}

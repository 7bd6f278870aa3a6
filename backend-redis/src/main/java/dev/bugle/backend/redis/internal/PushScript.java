package dev.bugle.backend.redis.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The one Lua script every enqueue runs ({@code push.lua}), and the encoding of a batch of {@link RedisWrite}s into
 * its KEYS and ARGV: the (command, key) groups, the layouts (which groups a job writes to), then per job its
 * layout and its args.
 */
public final class PushScript {
  private static final byte[][] SMALL = new byte[1024][];
  private final byte[] source;
  private final byte[] sha;

  static {
    for (int i = 0; i < SMALL.length; i++) {
      SMALL[i] = Integer.toString(i - 512).getBytes(StandardCharsets.US_ASCII);
    }
  }

  private PushScript(byte[] source) {
    this.source = source;
    this.sha = sha1Hex(source).getBytes(StandardCharsets.US_ASCII);
  }

  /** The script shipped in this jar. */
  public static PushScript standard() {
    try (InputStream in = PushScript.class.getResourceAsStream("push.lua")) {
      if (in == null) {
        throw new IllegalStateException("push.lua is missing from the backend-redis jar");
      }
      return new PushScript(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same script with a comment appended: another SHA that no server has loaded (tests NOSCRIPT). */
  public static PushScript variant(String comment) {
    String text = new String(standard().source, StandardCharsets.UTF_8) + "\n-- " + comment + "\n";
    return new PushScript(text.getBytes(StandardCharsets.UTF_8));
  }

  public byte[] source() {
    return source.clone();
  }

  /** The SHA-1 of the source in lowercase hex, as SCRIPT LOAD answers and EVALSHA takes. */
  public byte[] sha() {
    return sha.clone();
  }

  /** KEYS and ARGV of one script call for these writes. */
  public Call encode(List<RedisWrite> writes, Dedupe dedupe) {
    Map<Object, Integer> groups = new HashMap<>();
    Map<List<Integer>, Integer> layouts = new HashMap<>();
    List<byte[]> keys = new ArrayList<>(writes.size() + 4);
    List<byte[]> head = new ArrayList<>();
    List<byte[]> layoutArgs = new ArrayList<>();
    List<byte[]> body = new ArrayList<>(writes.size() * 3);
    for (RedisWrite w : writes) {
      List<Integer> layout = new ArrayList<>(w.ensures().size() + w.pushes().size());
      for (RedisOp op : w.ensures()) {
        layout.add(groups.computeIfAbsent(op, x -> group(op, true, keys, head)));
      }
      for (RedisOp op : w.pushes()) {
        layout.add(groups.computeIfAbsent(new Collect(op.command(), op.key(), op.args().size()),
            x -> group(op, false, keys, head)));
      }
      body.add(number(layouts.computeIfAbsent(layout, l -> {
        layoutArgs.add(number(l.size()));
        l.forEach(g -> layoutArgs.add(number(g)));
        return layouts.size() + 1;
      })));
      w.pushes().forEach(op -> body.addAll(op.args()));
    }
    byte[] prefix = dedupe.keyPrefix();
    for (RedisWrite w : writes) {
      keys.add(Dedupe.keyBytes(prefix, w.job().id()));
    }
    List<byte[]> args = new ArrayList<>(3 + head.size() + layoutArgs.size() + body.size());
    args.add(dedupe.ttlArgument().getBytes(StandardCharsets.US_ASCII));
    args.add(number(groups.size()));
    args.addAll(head);
    args.add(number(layouts.size()));
    args.addAll(layoutArgs);
    args.addAll(body);
    return new Call(keys, args);
  }

  /** A new group: its key in KEYS, its command and argc (or, run once, minus its own args' count, then them). */
  private static int group(RedisOp op, boolean once, List<byte[]> keys, List<byte[]> head) {
    keys.add(RedisOp.utf8(op.key()));
    head.add(op.command().getBytes(StandardCharsets.US_ASCII));
    head.add(number(once ? -op.args().size() : op.args().size()));
    if (once) {
      head.addAll(op.args());
    }
    return keys.size();
  }

  private static byte[] number(int n) {
    return n >= -512 && n < 512 ? SMALL[n + 512] : Integer.toString(n).getBytes(StandardCharsets.US_ASCII);
  }

  private static String sha1Hex(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }

  /** A collecting group: the same command on the same key, each job giving the same number of args. */
  private record Collect(String command, String key, int argc) {
  }

  /** The KEYS and ARGV of one EVALSHA. */
  public record Call(List<byte[]> keys, List<byte[]> args) {
  }
}

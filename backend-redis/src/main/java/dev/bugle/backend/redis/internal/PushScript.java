package dev.bugle.backend.redis.internal;

import dev.bugle.core.JobRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one Lua script every enqueue runs ({@code push.lua}), and the encoding of a batch of {@link RedisWrite}s into
 * its KEYS and ARGV. One call is atomic: each job's dedupe key is SET NX PX and only then are its pushes run.
 */
public final class PushScript {
  private final byte[] source;
  private final byte[] sha;

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
    Map<RedisOp, Integer> ensureIndex = new LinkedHashMap<>();
    for (RedisWrite w : writes) {
      for (RedisOp op : w.ensures()) {
        ensureIndex.putIfAbsent(op, ensureIndex.size() + 1);
      }
    }
    List<byte[]> keys = new ArrayList<>();
    List<byte[]> args = new ArrayList<>();
    args.add(ascii(dedupe.ttlArgument()));
    args.add(ascii(Integer.toString(ensureIndex.size())));
    ensureIndex.keySet().forEach(op -> add(op, keys, args));
    for (RedisWrite w : writes) {
      JobRequest job = w.job();
      keys.add(RedisOp.bytes(dedupe.key(job.id())));
      args.add(RedisOp.bytes(job.schedule() + " " + job.scheduledAt()));
      args.add(ascii(Integer.toString(w.ensures().size())));
      w.ensures().forEach(op -> args.add(ascii(ensureIndex.get(op).toString())));
      args.add(ascii(Integer.toString(w.pushes().size())));
      w.pushes().forEach(op -> add(op, keys, args));
    }
    return new Call(keys, args);
  }

  private static void add(RedisOp op, List<byte[]> keys, List<byte[]> args) {
    keys.add(op.key());
    args.add(ascii(op.command()));
    args.add(ascii(Integer.toString(op.args().size())));
    args.addAll(op.args());
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static String sha1Hex(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }

  /** The KEYS and ARGV of one EVALSHA. */
  public record Call(List<byte[]> keys, List<byte[]> args) {
  }
}

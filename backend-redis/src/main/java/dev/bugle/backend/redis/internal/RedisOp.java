package dev.bugle.backend.redis.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One Redis command on one key, run by the push script: the payload builders describe a job's writes with these
 * and never talk to Redis themselves. Only variadic commands, so the script may merge the same command on the same
 * key from several jobs into one call.
 */
public record RedisOp(String command, String key, List<byte[]> args) {
  private static final Set<String> MERGEABLE = Set.of("LPUSH", "RPUSH", "SADD", "HSET");

  public RedisOp {
    Objects.requireNonNull(key, "key");
    if (!MERGEABLE.contains(command)) {
      throw new IllegalArgumentException("the push script only runs " + MERGEABLE + ", not " + command);
    }
    args = List.copyOf(args);
    if (args.isEmpty() || command.equals("HSET") && args.size() % 2 != 0) {
      throw new IllegalArgumentException(command + " needs values" + (command.equals("HSET") ? " in pairs" : ""));
    }
  }

  public static RedisOp sadd(String key, String member) {
    return new RedisOp("SADD", key, List.of(utf8(member)));
  }

  public static RedisOp lpush(String key, byte[] value) {
    return new RedisOp("LPUSH", key, List.of(value));
  }

  public static RedisOp rpush(String key, byte[] value) {
    return new RedisOp("RPUSH", key, List.of(value));
  }

  /** HSET with every field, in order; values are raw bytes (RQ's {@code data} is zlib). */
  public static RedisOp hset(String key, Map<String, byte[]> fields) {
    List<byte[]> args = new ArrayList<>(fields.size() * 2);
    fields.forEach((field, value) -> {
      args.add(utf8(field));
      args.add(value);
    });
    return new RedisOp("HSET", key, args);
  }

  /** The args as text (UTF-8), for tests and messages. */
  public List<String> argsText() {
    return args.stream().map(a -> new String(a, StandardCharsets.UTF_8)).toList();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Equal when command, key and every arg's bytes are: equal ensures of a batch run once. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RedisOp other) || !command.equals(other.command) || !key.equals(other.key)
        || args.size() != other.args.size()) {
      return false;
    }
    for (int i = 0; i < args.size(); i++) {
      if (!Arrays.equals(args.get(i), other.args.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = command.hashCode() * 31 + key.hashCode();
    for (byte[] a : args) {
      h = h * 31 + Arrays.hashCode(a);
    }
    return h;
  }

  @Override
  public String toString() {
    return command + " " + key + " (" + args.size() + " args)";
  }
}

package dev.bugle.backend.redis.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One Redis command on one key, run by the push script: the payload builders describe a job's writes with these
 * and never talk to Redis themselves.
 */
public record RedisOp(String command, byte[] key, List<byte[]> args) {

  public RedisOp {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(key, "key");
    args = List.copyOf(args);
  }

  public static RedisOp sadd(String key, String member) {
    return new RedisOp("SADD", bytes(key), List.of(bytes(member)));
  }

  public static RedisOp lpush(String key, String value) {
    return new RedisOp("LPUSH", bytes(key), List.of(bytes(value)));
  }

  public static RedisOp rpush(String key, String value) {
    return new RedisOp("RPUSH", bytes(key), List.of(bytes(value)));
  }

  /** HSET with every field, in order; values are raw bytes (RQ's {@code data} is zlib). */
  public static RedisOp hset(String key, Map<String, byte[]> fields) {
    List<byte[]> args = new ArrayList<>(fields.size() * 2);
    fields.forEach((field, value) -> {
      args.add(bytes(field));
      args.add(value);
    });
    return new RedisOp("HSET", bytes(key), args);
  }

  public String keyText() {
    return new String(key, StandardCharsets.UTF_8);
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RedisOp other) || !command.equals(other.command)
        || !java.util.Arrays.equals(key, other.key) || args.size() != other.args.size()) {
      return false;
    }
    for (int i = 0; i < args.size(); i++) {
      if (!java.util.Arrays.equals(args.get(i), other.args.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = command.hashCode() * 31 + java.util.Arrays.hashCode(key);
    for (byte[] a : args) {
      h = h * 31 + java.util.Arrays.hashCode(a);
    }
    return h;
  }

  @Override
  public String toString() {
    return command + " " + keyText() + " (" + args.size() + " args)";
  }
}

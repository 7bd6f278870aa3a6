package dev.bugle.testkit.consul;

/** A read result with the index Consul would put in {@code X-Consul-Index} (never 0). */
public record Indexed<T>(long index, T value) {
  public Indexed {
    index = Math.max(index, 1);
  }
}

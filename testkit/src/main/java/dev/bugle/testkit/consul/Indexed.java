package dev.bugle.testkit.consul;

/** A read result with the index Consul would put in {@code X-Consul-Index} (never 0). */
record Indexed<T>(long index, T value) {
  Indexed {
    index = Math.max(index, 1);
  }
}

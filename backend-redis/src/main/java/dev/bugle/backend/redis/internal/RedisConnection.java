package dev.bugle.backend.redis.internal;

import java.time.Duration;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/** A Jedis pool created on first use (never in {@code create}), closed with the enqueuer. */
public final class RedisConnection implements AutoCloseable {
  private final ConnectionSettings settings;
  private JedisPool pool;
  private boolean closed;

  public RedisConnection(ConnectionSettings settings) {
    this.settings = settings;
  }

  public ConnectionSettings settings() {
    return settings;
  }

  /** A pooled connection; close it to give it back. Connects lazily. */
  public Jedis borrow() {
    return pool().getResource();
  }

  private synchronized JedisPool pool() {
    if (closed) {
      throw new IllegalStateException("the Redis enqueuer is closed");
    }
    if (pool == null) {
      RedisUrl url = settings.url();
      DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
          .connectionTimeoutMillis((int) settings.connectTimeout().toMillis())
          .socketTimeoutMillis((int) settings.timeout().toMillis())
          .database(url.database())
          .ssl(url.tls())
          .clientName("bugle");
      if (url.user() != null) {
        client.user(url.user());
      }
      if (url.password() != null) {
        client.password(url.password());
      }
      JedisPoolConfig config = new JedisPoolConfig();
      config.setMaxTotal(settings.poolSize());
      config.setMaxIdle(settings.poolSize());
      config.setMinIdle(0);
      config.setMaxWait(settings.connectTimeout().plus(settings.timeout()));
      config.setJmxEnabled(false);
      config.setTestWhileIdle(true);
      config.setTimeBetweenEvictionRuns(Duration.ofSeconds(30));
      pool = new JedisPool(config, new HostAndPort(url.host(), url.port()), client.build());
    }
    return pool;
  }

  /** Closes the pool if it was ever opened; never throws. */
  @Override
  public synchronized void close() {
    closed = true;
    if (pool != null) {
      try {
        pool.close();
      } catch (RuntimeException e) {
        // closing is best effort: the connections die with the process anyway
      }
      pool = null;
    }
  }
}

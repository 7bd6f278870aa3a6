package dev.bugle.benchmarks.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.bugle.backend.rabbitmq.CeleryEnqueuerProvider;
import dev.bugle.backend.rabbitmq.internal.CeleryFormat;
import dev.bugle.backend.rabbitmq.internal.CelerySettings;
import dev.bugle.backend.rabbitmq.internal.OutgoingMessage;
import dev.bugle.core.JobRequest;
import dev.bugle.core.PropertySettings;
import dev.bugle.spi.Enqueuer;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * 10,000 Celery tasks into RabbitMQ with publisher confirms: Bugle's {@code celery} enqueuer ({@code enqueueAll}:
 * build each message, publish all with the mandatory flag, wait for every confirm) against the raw amqp-client
 * publishing the very same bytes and properties, pre-built, waiting for confirms every {@code batch} messages.
 * {@code bugleBuildMessagesOnly} is Bugle's own CPU share: building the 10,000 messages, no broker. Needs RabbitMQ
 * on 127.0.0.1:5672 (guest/guest); the queue is unique and purged after every invocation.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RabbitEnqueueBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 6, time = 10)
@State(Scope.Benchmark)
public class RabbitEnqueueBenchmark {
  static final int JOBS = 10_000;
  static final String URI = "amqp://guest:guest@127.0.0.1:5672/%2F";

  String queue;
  List<JobRequest> jobs;
  Enqueuer enqueuer;
  CeleryFormat format;
  Connection admin;
  Channel adminChannel;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    queue = "bugle-bench-" + UUID.randomUUID();
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    jobs = new ArrayList<>(JOBS);
    for (int i = 0; i < JOBS; i++) {
      jobs.add(JobRequest.of("bench", "schedule-" + i, at, "tasks.refresh_rates", null,
          List.of("USD", i, Map.of("source", "ecb", "retry", true)), Map.of("precision", 4), Map.of()));
    }
    enqueuer = new CeleryEnqueuerProvider().create(PropertySettings.of("bugle.enqueuer.bench.", "bench",
        InstantSource.system(), Map.of("uri", URI, "queue", queue, "confirm-timeout", "60s")));
    format = new CeleryFormat(new CelerySettings(queue, "", null, false, null, null, 0, "bench"));
    ConnectionFactory f = new ConnectionFactory();
    f.setUri(URI);
    admin = f.newConnection("bugle-bench-admin");
    adminChannel = admin.createChannel();
    adminChannel.queueDeclare(queue, true, false, false, null);
  }

  @TearDown(Level.Invocation)
  public void purge() throws Exception {
    adminChannel.queuePurge(queue);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    enqueuer.close();
    adminChannel.queueDelete(queue);
    admin.close();
  }

  @Benchmark
  public void bugleEnqueueAll() {
    enqueuer.enqueueAll(jobs);
  }

  @Benchmark
  public void bugleBuildMessagesOnly(Blackhole blackhole) {
    for (JobRequest job : jobs) {
      blackhole.consume(format.toMessage(job));
    }
  }

  /** The raw client's own connection and the same messages Bugle sends, built before timing. */
  @State(Scope.Benchmark)
  public static class Raw {
    @Param({"100", "1000"})
    int batch;
    Connection connection;
    Channel channel;
    List<OutgoingMessage> messages;

    @Setup(Level.Trial)
    public void setUp(RabbitEnqueueBenchmark b) throws Exception {
      ConnectionFactory f = new ConnectionFactory();
      f.setUri(URI);
      connection = f.newConnection("bugle-bench-raw");
      channel = connection.createChannel();
      channel.confirmSelect();
      messages = b.jobs.stream().map(b.format::toMessage).toList();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
      connection.close();
    }
  }

  @Benchmark
  public void rawBatchedConfirms(Raw raw) throws Exception {
    int inBatch = 0;
    for (OutgoingMessage m : raw.messages) {
      raw.channel.basicPublish("", queue, m.properties(), m.body());
      if (++inBatch == raw.batch) {
        raw.channel.waitForConfirmsOrDie(60_000);
        inBatch = 0;
      }
    }
    if (inBatch > 0) {
      raw.channel.waitForConfirmsOrDie(60_000);
    }
  }
}

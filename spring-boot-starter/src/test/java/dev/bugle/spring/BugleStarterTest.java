package dev.bugle.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bugle.core.Bugle;
import dev.bugle.core.ConfigException;
import dev.bugle.core.event.BugleListener;
import dev.bugle.core.event.NodeState;
import dev.bugle.core.event.StateChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The starter in real Spring contexts, with the built-in local lock and log enqueuer (no service needed). */
class BugleStarterTest {
  private static final Duration BOUND = Duration.ofSeconds(10);

  @TempDir
  Path dir;

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(BugleAutoConfiguration.class, BugleHealthAutoConfiguration.class));

  private String[] node(String namespace, String... more) {
    List<String> p = new java.util.ArrayList<>(List.of(
        "bugle.namespace=" + namespace,
        "bugle.lock=local",
        "bugle.lock.local.dir=" + dir,
        "bugle.enqueuer.out.type=log",
        "bugle.enqueuer.out.file=" + dir.resolve(namespace + ".jsonl"),
        "bugle.schedule.tick.every=1s",
        "bugle.schedule.tick.job=TickJob"));
    p.addAll(List.of(more));
    return p.toArray(String[]::new);
  }

  private static String ns() {
    return "t" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not within " + BOUND + ": " + what);
      }
      Thread.sleep(20);
    }
  }

  @Test
  void bindsTheKeysFromPropertiesStartsWithTheContextAndFires() {
    String ns = ns();
    runner.withPropertyValues(node(ns, "bugle.schedule.tick.args=[\"USD\", 2]")).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(Bugle.class);
      Bugle bugle = context.getBean(Bugle.class);
      assertThat(bugle.config().namespace()).isEqualTo(ns);
      assertThat(bugle.schedules()).extracting(v -> v.name()).containsExactly("tick");
      await("leading", bugle::isLeading);
      Path out = dir.resolve(ns + ".jsonl");
      await("a fire in " + out, () -> exists(out) && read(out).contains("\"job\":\"TickJob\""));
      assertThat(read(out)).contains("\"args\":[\"USD\",2]");
    });
  }

  @Test
  void bindsNestedYamlFromApplicationYmlAndTheCommandLineWins() throws Exception {
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
        .web(org.springframework.boot.WebApplicationType.NONE)
        .properties("spring.config.location=classpath:/yaml/application.yml")
        .run("--bugle.lock.local.dir=" + dir, "--bugle.namespace=" + "yaml-" + ns())) {
      Bugle bugle = context.getBean(Bugle.class);
      assertThat(bugle.config().namespace()).startsWith("yaml-");
      assertThat(BugleEnvironment.properties(context.getEnvironment())).containsEntry("bugle.lock", "local")
          .containsEntry("bugle.lock.local.dir", dir.toString()).containsEntry("bugle.lock.wait", "0")
          .containsEntry("bugle.schedule.tick.misfire-window", "30s")
          .containsEntry("bugle.schedule.tick.args", "[\"USD\", 2]").doesNotContainKey("bugle.enabled");
      await("leading", bugle::isLeading);
      assertThat(Files.exists(dir.resolve(bugle.config().namespace() + ".lock"))).isTrue();
    }
  }

  @Test
  void aBadKeyFailsTheStartUpWithTheFilesMessageNamingIt() {
    runner.withPropertyValues(node(ns(), "bugle.schedule.tick.evry=5s", "bugle.lock.wiat=0")).run(context -> {
      assertThat(context).hasFailed();
      Throwable cause = context.getStartupFailure();
      while (cause != null && !(cause instanceof ConfigException)) {
        cause = cause.getCause();
      }
      assertThat(cause).as("a ConfigException in %s", context.getStartupFailure()).isInstanceOf(ConfigException.class);
      assertThat(cause.getMessage()).contains("bugle.schedule.tick.evry").contains("bugle.lock.wiat")
          .contains("every");
    });
  }

  @Test
  void aYamlSequenceForArgsIsAnUnknownKeyNamedAsSpringFlattensIt() {
    // args: [USD, 2] in YAML becomes args[0] and args[1]; the file's keys want one JSON string: args: '["USD", 2]'
    runner.withPropertyValues(node(ns(), "bugle.schedule.tick.args[0]=USD", "bugle.schedule.tick.args[1]=2"))
        .run(context -> assertThat(rootConfigException(context.getStartupFailure()).getMessage())
            .contains("bugle.schedule.tick.args[0]"));
  }

  @Test
  void aBadValueFailsTheStartUpNamingTheKey() {
    runner.withPropertyValues(node(ns(), "bugle.schedule.tick.misfire-window=soon")).run(context -> {
      assertThat(context).hasFailed();
      assertThat(rootConfigException(context.getStartupFailure()).getMessage())
          .contains("bugle.schedule.tick.misfire-window");
    });
  }

  @Test
  void enabledFalseSwitchesItOff() {
    runner.withPropertyValues(node(ns(), "bugle.enabled=false", "bugle.schedule.tick.evry=5s")).run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(Bugle.class).doesNotHaveBean(BugleHealthIndicator.class);
    });
  }

  @Test
  void stoppingTheContextReleasesTheLockSoASecondContextLeadsAtOnce() throws Exception {
    String ns = ns();
    ConfigurableApplicationContext first = start(node(ns));
    ConfigurableApplicationContext second = null;
    try {
      Bugle one = first.getBean(Bugle.class);
      await("the first context leads", one::isLeading);
      second = start(node(ns));
      Bugle two = second.getBean(Bugle.class);
      await("the second context stands by", () -> two.state() == NodeState.STANDBY);
      Thread.sleep(300);
      assertThat(two.isLeading()).isFalse();

      long stopped = System.nanoTime();
      first.close();
      assertThat(one.state()).isEqualTo(NodeState.STOPPED);
      assertThat(one.outcome()).contains(Bugle.Outcome.STOPPED);
      await("the second context leads", two::isLeading);
      assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(Duration.ofSeconds(2));
    } finally {
      first.close();
      if (second != null) {
        second.close();
      }
    }
  }

  @Test
  void everyListenerBeanIsRegistered() {
    runner.withUserConfiguration(Listening.class).withPropertyValues(node(ns())).run(context -> {
      List<StateChange> seen = context.getBean(Listening.class).seen;
      await("the listener bean hears LEADING",
          () -> seen.stream().anyMatch(c -> c.state() == NodeState.LEADING));
      assertThat(seen.get(0).state()).isIn(NodeState.STARTING, NodeState.STANDBY, NodeState.LEADING);
    });
  }

  @Test
  void healthIsUpLeadingWithTheTokenAndUpOnStandby() throws Exception {
    String ns = ns();
    try (ConfigurableApplicationContext first = start(node(ns));
        ConfigurableApplicationContext second = start(node(ns))) {
      BugleHealthIndicator a = first.getBean(BugleHealthIndicator.class);
      BugleHealthIndicator b = second.getBean(BugleHealthIndicator.class);
      await("one leads with a token", () -> details(a).containsKey("fencing_token")
          || details(b).containsKey("fencing_token"));
      BugleHealthIndicator leader = details(a).containsKey("fencing_token") ? a : b;
      BugleHealthIndicator standby = leader == a ? b : a;
      await("the other stands by", () -> "standby".equals(details(standby).get("state")));

      Health lead = leader.health();
      assertThat(lead.getStatus()).isEqualTo(Status.UP);
      assertThat(lead.getDetails()).containsEntry("state", "leading").containsEntry("leader", true);
      assertThat((Long) lead.getDetails().get("fencing_token")).isPositive();
      Health stand = standby.health();
      assertThat(stand.getStatus()).isEqualTo(Status.UP);
      assertThat(stand.getDetails()).containsEntry("state", "standby").containsEntry("leader", false)
          .doesNotContainKey("fencing_token");
    }
  }

  @Test
  void metricsGoToTheApplicationsRegistryWithTheServicesNames() throws Exception {
    io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    String ns = ns();
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
        .web(org.springframework.boot.WebApplicationType.NONE)
        .initializers(c -> c.getBeanFactory().registerSingleton("meterRegistry", registry))
        .properties("spring.config.location=optional:classpath:/none/", "spring.main.banner-mode=off")
        .run(java.util.Arrays.stream(node(ns)).map(p -> "--" + p).toArray(String[]::new))) {
      await("a tick enqueued and counted", () -> {
        var c = registry.find("bugle.fires").tags("schedule", "tick", "outcome", "enqueued").counter();
        return c != null && c.count() >= 1;
      });
      assertThat(registry.get("bugle.leader").gauge().value()).isEqualTo(1.0);
      assertThat(registry.get("bugle.schedules").gauge().value()).isEqualTo(1.0);
    }
  }

  @Test
  void healthIsDownWhenTheLeaseIsLost() throws Exception {
    String ns = ns();
    try (ConfigurableApplicationContext context = start(node(ns))) {
      Bugle bugle = context.getBean(Bugle.class);
      BugleHealthIndicator health = context.getBean(BugleHealthIndicator.class);
      await("leading", bugle::isLeading);
      Files.delete(dir.resolve(ns + ".lock")); // the local lock's holder loses its lease
      await("DOWN after the loss", () -> health.health().getStatus().equals(Status.DOWN));
      assertThat(health.health().getDetails()).containsEntry("state", "lost").containsEntry("leader", false);
      assertThat(bugle.awaitTermination(BOUND)).isTrue(); // on-lost=exit: the node ends, and stays DOWN
      assertThat(bugle.outcome()).contains(Bugle.Outcome.LOST);
      assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.health().getDetails()).containsEntry("state", "lost").containsEntry("outcome", "lost");
    }
  }

  @Test
  void healthIsDownWhenTheNodeStopsUnaskedAndOutOfServiceWhenTheContextStopsIt() throws Exception {
    String ns = ns();
    try (ConfigurableApplicationContext holder = start(node(ns));
        ConfigurableApplicationContext gaveUp = start(node(ns, "bugle.lock.wait=0"))) {
      await("the holder leads", holder.getBean(Bugle.class)::isLeading);
      BugleHealthIndicator health = gaveUp.getBean(BugleHealthIndicator.class);
      assertThat(gaveUp.getBean(Bugle.class).awaitTermination(BOUND)).isTrue();
      await("DOWN once the lock was not acquired", () -> health.health().getStatus().equals(Status.DOWN)
          && health.health().getDetails().containsKey("outcome"));
      assertThat(health.health().getDetails()).containsEntry("state", "stopped")
          .containsEntry("outcome", "not_acquired");

      BugleHealthIndicator holderHealth = holder.getBean(BugleHealthIndicator.class);
      holder.stop();
      assertThat(holderHealth.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }
  }

  private ConfigurableApplicationContext start(String... properties) {
    String[] args = java.util.Arrays.stream(properties).map(p -> "--" + p).toArray(String[]::new);
    return new SpringApplicationBuilder(App.class).web(org.springframework.boot.WebApplicationType.NONE)
        .properties("spring.config.location=optional:classpath:/none/", "spring.main.banner-mode=off")
        .run(args);
  }

  private static Map<String, Object> details(BugleHealthIndicator h) {
    return h.health().getDetails();
  }

  private static ConfigException rootConfigException(Throwable t) {
    while (t != null && !(t instanceof ConfigException)) {
      t = t.getCause();
    }
    assertThat(t).isInstanceOf(ConfigException.class);
    return (ConfigException) t;
  }

  private static boolean exists(Path p) {
    return Files.exists(p);
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class App {
  }

  @Configuration(proxyBeanMethods = false)
  static class Listening {
    final List<StateChange> seen = new CopyOnWriteArrayList<>();

    @Bean
    BugleListener recorder() {
      return new BugleListener() {
        @Override
        public void onStateChange(StateChange change) {
          seen.add(change);
        }
      };
    }
  }
}

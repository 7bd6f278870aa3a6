package dev.bugle.core;

import dev.bugle.core.internal.Durations;
import dev.bugle.core.internal.Problems;
import dev.bugle.core.internal.ScheduleReader;
import dev.bugle.core.internal.Suggest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Sorts {@code bugle.*} keys into the core keys, the lock's, each enqueuer's and each schedule's. */
final class KeyTree {
  /** The keys directly under {@code bugle.}; everything else belongs to the lock, an enqueuer or a schedule. */
  static final List<String> CORE = List.of("bugle.namespace", "bugle.lock", "bugle.lock.wait",
      "bugle.lock.on-lost",
      // read and checked by the operations module (dev.bugle.ops.OpsSettings)
      "bugle.http.port", "bugle.http.bind", "bugle.metrics.schedule-series", "bugle.node.name");
  private final Map<String, String> core = new TreeMap<>();
  private final Map<String, Map<String, String>> lockByType = new TreeMap<>();
  private final Map<String, Map<String, String>> enqueuers = new TreeMap<>();
  private final Map<String, Map<String, String>> schedules = new TreeMap<>();
  private final Map<String, String> all;

  private KeyTree(Map<String, String> all) {
    this.all = all;
  }

  static KeyTree split(Map<String, String> props, Problems problems) {
    KeyTree t = new KeyTree(props);
    props.forEach((k, v) -> {
      // k.split("\\.", 4) without the arrays: section = parts[1], name = parts[2], rest = parts[3]
      int dot1 = k.indexOf('.');
      int dot2 = dot1 < 0 ? -1 : k.indexOf('.', dot1 + 1);
      int dot3 = dot2 < 0 ? -1 : k.indexOf('.', dot2 + 1);
      Map<String, Map<String, String>> section = dot3 < 0 ? null
          : k.startsWith("lock", dot1 + 1) && dot2 - dot1 == 5 ? t.lockByType
          : k.startsWith("enqueuer", dot1 + 1) && dot2 - dot1 == 9 ? t.enqueuers
          : k.startsWith("schedule", dot1 + 1) && dot2 - dot1 == 9 ? t.schedules : null;
      if (CORE.contains(k)) {
        t.core.put(k, v);
      } else if (section != null) {
        section.computeIfAbsent(k.substring(dot2 + 1, dot3), x -> new TreeMap<>()).put(k.substring(dot3 + 1), v);
      } else {
        problems.add(k, "unknown key" + Suggest.hint(k, CORE) + "; known keys include " + String.join(", ", CORE)
            + ", bugle.lock.TYPE.*, bugle.enqueuer.NAME.type, bugle.schedule.NAME.cron");
      }
    });
    return t;
  }

  BugleConfig toConfig(Problems problems, Map<String, String> templates, boolean requireSchedules) {
    String namespace = core.getOrDefault("bugle.namespace", "default");
    if (!Schedule.NAME.matcher(namespace).matches()) {
      problems.add(ConfigException.invalid("bugle.namespace", namespace, "letters, digits, '-' and '_'", "shop"));
    }
    String lockType = core.getOrDefault("bugle.lock", "local");
    lockByType.forEach((type, keys) -> {
      if (!type.equals(lockType)) {
        keys.keySet().forEach(k -> problems.add("bugle.lock." + type + "." + k,
            "is set, but bugle.lock=" + lockType + "; remove it or set bugle.lock=" + type));
      }
    });
    Optional<Duration> wait = lockWait(problems);
    BugleConfig.OnLost onLost = onLost(problems);
    Map<String, BugleConfig.EnqueuerConfig> enq = enqueuerConfigs(problems);
    String defaultEnqueuer = enq.size() == 1 ? enq.keySet().iterator().next() : null;
    List<Schedule> list = new ArrayList<>();
    schedules.forEach((name, keys) -> {
      for (String k : keys.keySet()) {
        if (!ScheduleReader.KEYS.contains(k) && !k.startsWith("option.")) {
          problems.add("bugle.schedule." + name + "." + k, "unknown key" + Suggest.hint(k, ScheduleReader.KEYS)
              + "; schedule keys are " + new java.util.TreeSet<>(ScheduleReader.KEYS) + " and option.*");
        }
      }
      Schedule s = ScheduleReader.read(name, keys, defaultEnqueuer, problems);
      if (s != null && !enq.containsKey(s.enqueuer())) {
        problems.add("bugle.schedule." + name + ".enqueuer", "names enqueuer '" + s.enqueuer()
            + "', which is not configured; configured: " + enq.keySet() + "; for example: bugle.enqueuer."
            + s.enqueuer() + ".type=log");
      } else if (s != null) {
        list.add(s);
      }
    });
    if (schedules.isEmpty() && requireSchedules) {
      problems.add("bugle.schedule", "no schedules are configured; for example: bugle.schedule.hello.cron=*/5 * * * *"
          + " and bugle.schedule.hello.job=HelloJob");
    }
    return new BugleConfig(namespace, lockType, wait, onLost, lockByType.getOrDefault(lockType, Map.of()), enq,
        list, all, templates);
  }

  private Map<String, BugleConfig.EnqueuerConfig> enqueuerConfigs(Problems problems) {
    Map<String, BugleConfig.EnqueuerConfig> out = new TreeMap<>();
    if (enqueuers.isEmpty()) {
      out.put("log", new BugleConfig.EnqueuerConfig("log", "log", Map.of()));
    }
    enqueuers.forEach((name, keys) -> {
      String type = keys.get("type");
      if (!Schedule.NAME.matcher(name).matches()) {
        problems.add("bugle.enqueuer." + name + ".type", "enqueuer name '" + name + "' may hold only letters,"
            + " digits, '-' and '_'; for example: bugle.enqueuer.main.type=sidekiq");
      } else if (type == null || type.isBlank()) {
        problems.add("bugle.enqueuer." + name + ".type", "is required; for example: bugle.enqueuer." + name
            + ".type=sidekiq");
      } else {
        Map<String, String> rest = new TreeMap<>(keys);
        rest.remove("type");
        out.put(name, new BugleConfig.EnqueuerConfig(name, type, rest));
      }
    });
    return out;
  }

  private Optional<Duration> lockWait(Problems problems) {
    String v = core.getOrDefault("bugle.lock.wait", "forever");
    if (v.equals("forever")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Durations.parse(v));
    } catch (IllegalArgumentException e) {
      problems.add(ConfigException.invalid("bugle.lock.wait", v, "forever, 0 (one try) or a duration ("
          + Durations.EXAMPLES + ")", "30s"));
      return Optional.empty();
    }
  }

  private BugleConfig.OnLost onLost(Problems problems) {
    String v = core.getOrDefault("bugle.lock.on-lost", "exit");
    return switch (v) {
      case "exit" -> BugleConfig.OnLost.EXIT;
      case "recontend" -> BugleConfig.OnLost.RECONTEND;
      default -> {
        problems.add(ConfigException.invalid("bugle.lock.on-lost", v, "exit or recontend", "exit"));
        yield BugleConfig.OnLost.EXIT;
      }
    };
  }
}

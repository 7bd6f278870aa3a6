package dev.bugle.ops;

import dev.bugle.core.BugleConfig;
import dev.bugle.core.ConfigException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The operations keys of a configuration.
 *
 * @param port {@code bugle.http.port}: empty for no server, 0 for an ephemeral port
 * @param bind {@code bugle.http.bind}: the address the server listens on, {@value #DEFAULT_BIND} by default, so
 *     that a node shows nothing beyond its host until an operator opens it up ({@code 0.0.0.0} in a pod)
 * @param scheduleSeries {@code bugle.metrics.schedule-series}: how many schedules get their own metric series;
 *     the others share {@code schedule="_other"}; 0 turns per-schedule series off
 * @param nodeName {@code bugle.node.name}: how this node calls itself; {@code host HOST pid PID} by default, as the
 *     local lock names its holder
 */
public record OpsSettings(OptionalInt port, String bind, int scheduleSeries, String nodeName) {
  public static final String PORT = "bugle.http.port";
  public static final String BIND = "bugle.http.bind";
  public static final String SCHEDULE_SERIES = "bugle.metrics.schedule-series";
  public static final String NODE_NAME = "bugle.node.name";
  /** The keys this module reads; core's key check accepts them. */
  public static final List<String> KEYS = List.of(PORT, BIND, SCHEDULE_SERIES, NODE_NAME);
  public static final String DEFAULT_BIND = "127.0.0.1";
  public static final int DEFAULT_SCHEDULE_SERIES = 1000;

  public static OpsSettings from(BugleConfig config) {
    return from(config.properties());
  }

  /** Reads and checks the keys; a bad value is a {@link ConfigException} naming its key. */
  public static OpsSettings from(Map<String, String> props) {
    OptionalInt port = OptionalInt.empty();
    String p = props.getOrDefault(PORT, "");
    if (!p.isEmpty()) {
      int v = integer(PORT, p, "a port from 0 (ephemeral) to 65535", "8765");
      if (v > 65535) {
        throw ConfigException.invalid(PORT, p, "a port from 0 (ephemeral) to 65535", "8765");
      }
      port = OptionalInt.of(v);
    }
    String bind = props.getOrDefault(BIND, "");
    if (bind.isEmpty()) {
      bind = DEFAULT_BIND;
    } else if (!bind.matches("[0-9A-Za-z.:_-]+")) {
      throw ConfigException.invalid(BIND, bind, "an address or host name", "0.0.0.0");
    }
    String s = props.getOrDefault(SCHEDULE_SERIES, "");
    int series = s.isEmpty() ? DEFAULT_SCHEDULE_SERIES
        : integer(SCHEDULE_SERIES, s, "a count of schedules, 0 = no per-schedule series", "1000");
    String name = props.getOrDefault(NODE_NAME, "");
    return new OpsSettings(port, bind, series, name.isEmpty() ? defaultNodeName() : name);
  }

  private static int integer(String key, String value, String expected, String example) {
    try {
      int v = Integer.parseInt(value);
      if (v >= 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ConfigException.invalid(key, value, expected, example);
  }

  static String defaultNodeName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "localhost";
    }
    return "host " + host + " pid " + ProcessHandle.current().pid();
  }
}

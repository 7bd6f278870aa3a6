package dev.bugle.cli;

import dev.bugle.core.Bugle;
import dev.bugle.core.BugleConfig;
import dev.bugle.core.BugleException;
import dev.bugle.core.ConfigException;
import dev.bugle.core.Providers;
import dev.bugle.core.Reconfiguration;
import dev.bugle.core.Secrets;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads {@code bugle run}'s configuration file into the running node, on SIGHUP or when the file changes. The
 * new file is validated completely first; if anything is wrong, every error is logged and the node keeps running
 * the old configuration. One reload at a time.
 */
final class Reloader {
  private static final Logger LOG = LoggerFactory.getLogger(Reloader.class);

  private final ConfigOptions options;
  private final Bugle bugle;

  Reloader(ConfigOptions options, Bugle bugle) {
    this.options = options;
    this.bugle = bugle;
  }

  /** Returns true when the new configuration is running. */
  synchronized boolean reload(String why) {
    BugleConfig current = bugle.config();
    try {
      BugleConfig next = options.load();
      Reconfiguration r = Reconfiguration.prepare(current, bugle.parts(), next,
          Providers.load(Reloader.class.getClassLoader()), InstantSource.system());
      bugle.reload(r, why);
      LOG.info("reload ({}): the new configuration runs; enqueuers reopened: {}", why, r.reopened());
      return true;
    } catch (ConfigException e) {
      String message = Secrets.maskUrls(e.getMessage());
      LOG.error("reload ({}) refused, the old configuration keeps running:\n{}", why, message);
      bugle.reloadRefused(why, problems(message));
    } catch (BugleException | IllegalArgumentException e) {
      String message = Secrets.maskUrls(String.valueOf(e.getMessage()));
      LOG.error("reload ({}) failed, the old configuration keeps running: {}", why, message);
      bugle.reloadRefused(why, java.util.List.of(message));
    }
    return false;
  }

  /** One problem per line of a ConfigException's message ("N configuration errors:" then "  - key: ..."). */
  private static java.util.List<String> problems(String message) {
    java.util.List<String> lines = message.lines().filter(l -> l.startsWith("  - ")).map(l -> l.substring(4)).toList();
    return lines.isEmpty() ? java.util.List.of(message) : lines;
  }
}

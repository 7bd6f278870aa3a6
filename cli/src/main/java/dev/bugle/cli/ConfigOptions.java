package dev.bugle.cli;

import dev.bugle.core.BugleConfig;
import dev.bugle.core.Components;
import dev.bugle.core.ConfigLoader;
import dev.bugle.core.Providers;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The configuration file and {@code --set} overrides, shared by every verb. */
final class ConfigOptions {
  @Parameters(index = "0", paramLabel = "CONFIG", description = "The properties file, e.g. examples/quickstart.properties.")
  Path file;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Overrides one property; repeatable.")
  Map<String, String> overrides = new LinkedHashMap<>();

  BugleConfig load() {
    return ConfigLoader.load(file, overrides, System.getenv(), providers());
  }

  Components assemble(BugleConfig config, InstantSource clock) {
    return Components.assemble(config, providers(), clock);
  }

  private static Providers providers() {
    return Providers.load(ConfigOptions.class.getClassLoader());
  }
}

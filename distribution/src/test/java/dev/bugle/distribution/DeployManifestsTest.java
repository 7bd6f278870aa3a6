package dev.bugle.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.bugle.core.BugleConfig;
import dev.bugle.core.Components;
import dev.bugle.core.ConfigException;
import dev.bugle.core.ConfigLoader;
import dev.bugle.core.Providers;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes parsed as Kubernetes would read it, and checked against the real configuration: the ConfigMap's
 * properties pass Bugle's own validation with the real providers, the probes hit /healthz and /readyz on the port
 * the ConfigMap configures, the ConfigMap is mounted where the image's ENTRYPOINT reads it, and the grace period
 * exceeds the shutdown bound.
 */
class DeployManifestsTest {
  /**
   * The HTTP server's keys (bugle.http.port, bugle.http.bind) come with the operations work, which may not be on
   * the branch this test runs on. Where the validation rejects exactly these keys and nothing else, they are left
   * out of it (and reported on standard output); once they exist they are validated like every other key. The
   * port is checked against the probes either way.
   */
  private static final Set<String> HTTP_KEYS = Set.of("bugle.http.port", "bugle.http.bind");

  private static final Map<String, JsonNode> BY_KIND = new LinkedHashMap<>();
  private static JsonNode deployment;
  private static JsonNode container;
  private static Map<String, String> properties;

  @BeforeAll
  static void parse() throws IOException {
    YAMLMapper yaml = new YAMLMapper();
    Path dir = Layout.deploy().resolve("kubernetes");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    for (Path f : files) {
      try (MappingIterator<JsonNode> docs = yaml.readerFor(JsonNode.class).readValues(f.toFile())) {
        while (docs.hasNext()) {
          JsonNode doc = docs.next();
          String kind = doc.path("kind").asText();
          assertThat(kind).as("%s: every document has a kind", f.getFileName()).isNotEmpty();
          assertThat(BY_KIND.put(kind, doc)).as("one %s in deploy/kubernetes", kind).isNull();
        }
      }
    }
    assertThat(BY_KIND).containsKeys("Deployment", "ConfigMap", "Service", "Kustomization");
    deployment = BY_KIND.get("Deployment");
    JsonNode containers = deployment.at("/spec/template/spec/containers");
    assertThat(containers.size()).as("containers").isEqualTo(1);
    container = containers.get(0);

    String text = BY_KIND.get("ConfigMap").at("/data/bugle.properties").asText(null);
    assertThat(text).as("the ConfigMap's data key bugle.properties").isNotNull();
    Properties p = new Properties();
    p.load(new StringReader(text));
    properties = new TreeMap<>();
    p.stringPropertyNames().forEach(k -> properties.put(k, p.getProperty(k)));
  }

  @Test
  void theKustomizationListsEveryManifest() throws IOException {
    List<String> listed = new ArrayList<>();
    BY_KIND.get("Kustomization").path("resources").forEach(r -> listed.add(r.asText()));
    List<String> files;
    try (Stream<Path> s = Files.list(Layout.deploy().resolve("kubernetes"))) {
      files = s.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
          .sorted().toList();
    }
    assertThat(listed).containsExactlyInAnyOrderElementsOf(files);
  }

  /** Every key is one Bugle knows, with a valid value, and the lock and the enqueuer build with their real providers. */
  @Test
  void theConfigMapPassesBuglesOwnValidation() {
    assertThat(properties.keySet()).allMatch(k -> k.startsWith("bugle."), "every key is a bugle.* key");
    Map<String, String> env = containerEnv();
    Map<String, String> checked = new TreeMap<>(properties);
    BugleConfig config;
    try {
      config = ConfigLoader.parse(checked, env);
    } catch (ConfigException e) {
      if (!rejectsOnlyHttpKeys(e)) {
        throw e;
      }
      System.out.println("DeployManifestsTest: this build does not know " + HTTP_KEYS
          + " yet; validating the ConfigMap without them (" + e.getMessage().replace('\n', ' ') + ")");
      checked.keySet().removeAll(HTTP_KEYS);
      config = ConfigLoader.parse(checked, env);
    }
    try (Components parts = Components.assemble(config, Providers.load(getClass().getClassLoader()), InstantSource.system())) {
      assertThat(parts).isNotNull();
    }
    assertThat(config.schedules()).as("schedules").isNotEmpty();
    // What the ConfigMap is for: a Consul lock on the consul Service and a Sidekiq enqueuer on the redis Service.
    assertThat(properties).containsEntry("bugle.lock", "consul");
    assertThat(properties.get("bugle.lock.consul.address")).startsWith("http://consul:");
    assertThat(properties.entrySet()).anySatisfy(en -> {
      assertThat(en.getKey()).matches("bugle\\.enqueuer\\.[^.]+\\.type");
      assertThat(en.getValue()).isEqualTo("sidekiq");
    });
    assertThat(properties.entrySet()).filteredOn(en -> en.getKey().endsWith(".redis-url"))
        .allSatisfy(en -> assertThat(en.getValue()).startsWith("redis://redis:"));
    assertThat(properties).containsEntry("bugle.http.bind", "0.0.0.0");
  }

  @Test
  void theProbesAskHealthzAndReadyzOnTheConfiguredPort() {
    int port = Integer.parseInt(properties.get("bugle.http.port"));
    assertThat(port).as("bugle.http.port").isPositive();
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
    assertThat(containerPort(container.at("/livenessProbe/httpGet/port"))).as("liveness probe port").isEqualTo(port);
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
    assertThat(containerPort(container.at("/readinessProbe/httpGet/port"))).as("readiness probe port").isEqualTo(port);
    JsonNode service = BY_KIND.get("Service");
    assertThat(service.at("/spec/ports").size()).isEqualTo(1);
    assertThat(containerPort(service.at("/spec/ports/0/targetPort"))).as("the Service's targetPort").isEqualTo(port);
  }

  @Test
  void threeReplicasAndTheSelectorsMatchThePods() {
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(3);
    JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
    deployment.at("/spec/selector/matchLabels").fields().forEachRemaining(
        e -> assertThat(podLabels.path(e.getKey()).asText()).as("pod label %s", e.getKey()).isEqualTo(e.getValue().asText()));
    JsonNode serviceSelector = BY_KIND.get("Service").at("/spec/selector");
    assertThat(serviceSelector.size()).isPositive();
    serviceSelector.fields().forEachRemaining(
        e -> assertThat(podLabels.path(e.getKey()).asText()).as("pod label %s", e.getKey()).isEqualTo(e.getValue().asText()));
  }

  @Test
  void theGracePeriodExceedsTheShutdownBound() {
    JsonNode grace = deployment.at("/spec/template/spec/terminationGracePeriodSeconds");
    assertThat(grace.isInt()).as("terminationGracePeriodSeconds is set").isTrue();
    assertThat(Duration.ofSeconds(grace.asInt())).isEqualTo(Duration.ofSeconds(10))
        .isGreaterThan(Layout.SHUTDOWN_BOUND.multipliedBy(2));
  }

  /** The ConfigMap is a directory mount at the directory of the file the image runs, so that a reload can see it change. */
  @Test
  void theConfigMapIsMountedAsTheDirectoryTheImageReads() {
    List<String> entrypoint = Dockerfile.read(Layout.deploy().resolve("Dockerfile")).entrypoint();
    assertThat(container.has("command")).as("the Deployment keeps the image's ENTRYPOINT").isFalse();
    String configFile = entrypoint.get(entrypoint.size() - 1);
    Path file = Path.of(configFile);
    String configMapName = BY_KIND.get("ConfigMap").at("/metadata/name").asText();

    String volume = null;
    for (JsonNode v : deployment.at("/spec/template/spec/volumes")) {
      if (configMapName.equals(v.at("/configMap/name").asText())) {
        volume = v.path("name").asText();
      }
    }
    assertThat(volume).as("a volume of ConfigMap %s", configMapName).isNotNull();
    JsonNode mount = null;
    for (JsonNode m : container.path("volumeMounts")) {
      if (volume.equals(m.path("name").asText())) {
        mount = m;
      }
    }
    assertThat(mount).as("the container mounts volume %s", volume).isNotNull();
    assertThat(mount.has("subPath")).as("no subPath: a subPath mount never sees the ConfigMap change").isFalse();
    assertThat(mount.path("mountPath").asText()).isEqualTo(file.getParent().toString());
    assertThat(BY_KIND.get("ConfigMap").path("data").has(file.getFileName().toString()))
        .as("the ConfigMap holds %s", file.getFileName()).isTrue();
  }

  /** A port given by name resolves through the container's ports, as the kubelet does. */
  private static int containerPort(JsonNode port) {
    if (port.isInt()) {
      return port.asInt();
    }
    for (JsonNode p : container.path("ports")) {
      if (port.asText().equals(p.path("name").asText())) {
        return p.path("containerPort").asInt();
      }
    }
    throw new AssertionError("no container port named " + port.asText());
  }

  /** The container's literal env values, and a stand-in for each value from a Secret (which may be absent: optional). */
  private static Map<String, String> containerEnv() {
    Map<String, String> env = new TreeMap<>();
    for (JsonNode e : container.path("env")) {
      env.put(e.path("name").asText(), e.has("value") ? e.path("value").asText() : "from-" + e.at("/valueFrom/secretKeyRef/name").asText());
    }
    return env;
  }

  private static boolean rejectsOnlyHttpKeys(ConfigException e) {
    List<String> problems = new ArrayList<>();
    String m = e.getMessage();
    if (e.key() != null) {
      problems.add(e.key());
    } else {
      for (String line : m.split("\n")) {
        if (line.startsWith("  - ")) {
          problems.add(line.substring(4, Math.max(4, line.indexOf(':'))));
        }
      }
    }
    return !problems.isEmpty() && HTTP_KEYS.containsAll(problems);
  }
}

package dev.bugle.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bugle.core.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpsSettingsTest {
  @Test
  void defaultsAreNoServerLoopbackAndAThousandSeries() {
    OpsSettings s = OpsSettings.from(Map.of());
    assertThat(s.port()).isEmpty();
    assertThat(s.bind()).isEqualTo("127.0.0.1");
    assertThat(s.scheduleSeries()).isEqualTo(1000);
    assertThat(s.nodeName()).matches("host .+ pid \\d+");
  }

  @Test
  void readsEveryKey() {
    OpsSettings s = OpsSettings.from(Map.of("bugle.http.port", "0", "bugle.http.bind", "0.0.0.0",
        "bugle.metrics.schedule-series", "0", "bugle.node.name", "web-3"));
    assertThat(s.port()).hasValue(0);
    assertThat(s.bind()).isEqualTo("0.0.0.0");
    assertThat(s.scheduleSeries()).isZero();
    assertThat(s.nodeName()).isEqualTo("web-3");
  }

  @Test
  void aBadValueNamesItsKey() {
    assertThatThrownBy(() -> OpsSettings.from(Map.of("bugle.http.port", "80x"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("bugle.http.port").hasMessageContaining("8765");
    assertThatThrownBy(() -> OpsSettings.from(Map.of("bugle.http.port", "70000")))
        .hasMessageContaining("bugle.http.port");
    assertThatThrownBy(() -> OpsSettings.from(Map.of("bugle.metrics.schedule-series", "-1")))
        .hasMessageContaining("bugle.metrics.schedule-series");
    assertThatThrownBy(() -> OpsSettings.from(Map.of("bugle.http.bind", "a b")))
        .hasMessageContaining("bugle.http.bind");
  }
}

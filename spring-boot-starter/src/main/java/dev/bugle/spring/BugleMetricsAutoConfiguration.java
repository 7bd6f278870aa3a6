package dev.bugle.spring;

import dev.bugle.core.Bugle;
import dev.bugle.core.Schedule;
import dev.bugle.ops.MetricsListener;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Bugle's metrics in the application's own {@link MeterRegistry} (Actuator's, for example), with the same names
 * and labels as {@code bugle run}'s {@code /metrics}: the operations module's {@link MetricsListener}, a listener
 * bean that the lifecycle registers with the node. {@code bugle.metrics.schedule-series} caps the per-schedule
 * series as it does for the service (default 1000).
 */
@AutoConfiguration(after = BugleAutoConfiguration.class,
    afterName = "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({MeterRegistry.class, MetricsListener.class})
@ConditionalOnBean({Bugle.class, MeterRegistry.class})
public class BugleMetricsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  public MetricsListener bugleMetrics(Bugle bugle, MeterRegistry registry, Environment environment) {
    int series = environment.getProperty("bugle.metrics.schedule-series", Integer.class, 1000);
    return new MetricsListener(registry, bugle.config().schedules().stream().map(Schedule::name).toList(), series);
  }
}

package dev.bugle.spring;

import dev.bugle.core.Bugle;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.actuate.health.HealthIndicator;

/** The {@code bugle} health contributor ({@code /actuator/health/bugle}), when Actuator is on the class path. */
@AutoConfiguration(after = BugleAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean({Bugle.class, BugleLifecycle.class})
public class BugleHealthAutoConfiguration {

  /** The bean's name gives the contributor's: {@code bugle}. */
  @Bean(name = "bugleHealthIndicator")
  @ConditionalOnMissingBean(name = "bugleHealthIndicator")
  public BugleHealthIndicator bugleHealthIndicator(Bugle bugle, BugleLifecycle lifecycle) {
    return new BugleHealthIndicator(bugle, lifecycle::stopRequested);
  }
}

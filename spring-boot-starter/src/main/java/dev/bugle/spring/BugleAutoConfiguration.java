package dev.bugle.spring;

import dev.bugle.core.Bugle;
import dev.bugle.core.event.BugleListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * A {@link Bugle} node from the application's {@code bugle.*} properties, started and stopped with the context by
 * {@link BugleLifecycle}. {@code bugle.enabled=false} switches it off.
 *
 * <p>The node is built with {@code Bugle.fromProperties(properties, System.getenv(), classLoader)}, so a mistake is
 * the properties file's {@code ConfigException}, naming the key, and it fails the context's start-up. The lock and
 * enqueuer types are those on the application's class path (their modules' {@code META-INF/services}).
 *
 * <p>Every {@link BugleListener} bean is registered before the node starts: that is the extension point for
 * callbacks and metrics (a Micrometer listener bean is picked up the same way).
 */
@AutoConfiguration
@ConditionalOnProperty(name = BugleEnvironment.ENABLED, havingValue = "true", matchIfMissing = true)
public class BugleAutoConfiguration {

  /** Closed by {@link BugleLifecycle}, not by the bean factory, so that it is closed once and in its phase. */
  @Bean(destroyMethod = "")
  @ConditionalOnMissingBean
  public Bugle bugle(ConfigurableEnvironment environment, ApplicationContext context) {
    ClassLoader loader = context.getClassLoader() != null ? context.getClassLoader()
        : Thread.currentThread().getContextClassLoader();
    return Bugle.fromProperties(BugleEnvironment.properties(environment), System.getenv(), loader);
  }

  @Bean
  @ConditionalOnMissingBean
  public BugleLifecycle bugleLifecycle(Bugle bugle, ObjectProvider<BugleListener> listeners) {
    return new BugleLifecycle(bugle, listeners);
  }
}

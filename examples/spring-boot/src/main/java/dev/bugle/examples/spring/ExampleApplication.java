package dev.bugle.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small Spring Boot service that is also a JobRunr worker (JobRunr's Spring Boot starter) and a Bugle node
 * (bugle-spring-boot-starter): every copy contends for the Consul lock, the leader enqueues {@link RunRecorder#record}
 * into JobRunr's tables every second, and every copy's JobRunr worker runs what was enqueued. See docs/embedding.md.
 */
@SpringBootApplication
public class ExampleApplication {
  public static void main(String[] args) {
    SpringApplication.run(ExampleApplication.class, args);
  }
}

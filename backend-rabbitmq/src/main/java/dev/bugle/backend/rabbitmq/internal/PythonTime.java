package dev.bugle.backend.rabbitmq.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as Python's {@code datetime.isoformat()} writes an aware UTC time, which Celery reads for
 * {@code eta} and {@code expires}: {@code 2026-01-01T09:00:00+00:00}, with {@code .ffffff} only when there are
 * microseconds. The offset matters: a naive time is read as the worker's local time.
 */
final class PythonTime {
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
      .withZone(ZoneOffset.UTC);

  private PythonTime() {
  }

  static String isoformat(Instant instant) {
    int micros = instant.getNano() / 1000;
    return SECONDS.format(instant) + (micros == 0 ? "" : String.format(".%06d", micros)) + "+00:00";
  }
}

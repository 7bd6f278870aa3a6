package dev.bugle.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bugle.support.JobJson;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A schedule's pause record, as {@code bugle pause} and {@code bugle resume} keep it in the lock's store. While
 * {@code paused}, its fires are skipped (and counted, reason {@code paused}) and its checkpoint does not move.
 * A resumed record stays behind, so that a leader that takes over later plans the schedule as the resume said:
 * from the resume ({@code catchUp == false}: the paused period is not sent) or from its checkpoint (the misfire
 * policy sends what the pause skipped, within the window).
 *
 * @param by who, as {@code user@host}
 * @param at when the pause or the resume was asked for
 */
public record Pause(boolean paused, String note, String by, Instant at, boolean catchUp) {
  public Pause {
    note = note == null ? "" : note;
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(at, "at");
  }

  /** Where a leader plans a resumed schedule from, given its checkpoint. */
  public Instant planFrom(Instant checkpoint) {
    return catchUp || checkpoint.isAfter(at) ? checkpoint : at;
  }

  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("state", paused ? "paused" : "resumed");
    m.put("note", note);
    m.put("by", by);
    m.put("at", at.toString());
    m.put("catch_up", catchUp);
    return JobJson.write(m);
  }

  /** The record, or empty for one that cannot be read (written by a newer version, or damaged). */
  public static Optional<Pause> fromJson(String json) {
    try {
      JsonNode j = JobJson.mapper().readTree(json);
      return Optional.of(new Pause("paused".equals(j.path("state").asText()), j.path("note").asText(""),
          j.path("by").asText("?"), Instant.parse(j.path("at").asText()), j.path("catch_up").asBoolean(false)));
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Who is asking, as {@code user@host}. */
  public static String currentUser() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "unknown-host";
    }
    return System.getProperty("user.name", "unknown") + "@" + host;
  }
}

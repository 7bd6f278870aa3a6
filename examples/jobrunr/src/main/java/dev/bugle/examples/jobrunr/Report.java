package dev.bugle.examples.jobrunr;

import java.util.List;

/**
 * A custom argument type. Bugle does not have this class: a schedule declares it by name
 * ({@code option.arg-types=...,dev.bugle.examples.jobrunr.Report,...}) and writes it as a JSON object, which the
 * worker's Jackson reads into this class.
 */
public class Report {
  private String title;
  private int pages;
  private List<String> tags;
  private Recipient recipient;

  /** Who gets the report. */
  public static class Recipient {
    private String email;
    private String name;

    @Override
    public String toString() {
      return "Recipient{email=" + email + ", name=" + name + "}";
    }
  }

  @Override
  public String toString() {
    return "Report{title=" + title + ", pages=" + pages + ", tags=" + tags + ", recipient=" + recipient + "}";
  }
}

package dev.bugle.testkit.consul;

import java.util.List;
import java.util.Locale;

/**
 * Key validation of recent Consul ({@code validateKVKey} in {@code agent/kvs_endpoint.go}): no leading slash,
 * only letters, digits and {@code ,-_./}, no traversal, no file extension a proxy might cache.
 */
final class KvKeys {
  private static final List<String> SUSPICIOUS = List.of(".js", ".css", ".html", ".htm", ".xml", ".json", ".txt",
      ".log", ".php", ".asp", ".jsp", ".cgi", ".pl", ".py", ".rb", ".sh", ".exe", ".dll", ".bat", ".cmd", ".com",
      ".scr", ".vbs", ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".zip", ".rar", ".tar", ".gz",
      ".7z", ".bz2", ".jpg", ".jpeg", ".png", ".gif", ".svg", ".ico", ".bmp", ".mp3", ".mp4", ".avi", ".mov",
      ".wmv", ".flv", ".swf", ".woff", ".woff2", ".ttf", ".eot", ".otf");

  private KvKeys() {
  }

  static void validate(String key) {
    if (key.startsWith("/")) {
      throw ConsulError.badRequest("key must not begin with a '/'");
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || ",-_./".indexOf(c) >= 0;
      if (!ok) {
        throw ConsulError.badRequest("key contains invalid character '" + c + "' at position " + i
            + ". Only alphanumeric characters and ,-_./ are allowed");
      }
    }
    if (key.contains("../")) {
      throw ConsulError.badRequest("key contains path traversal sequence");
    }
    String lower = key.toLowerCase(Locale.ROOT);
    for (String ext : SUSPICIOUS) {
      if (lower.endsWith(ext)) {
        throw ConsulError.badRequest("key contains suspicious file extension '" + ext
            + "' that may be cached by proxies");
      }
    }
  }
}

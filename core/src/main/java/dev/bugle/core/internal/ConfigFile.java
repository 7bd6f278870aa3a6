package dev.bugle.core.internal;

import dev.bugle.core.ConfigException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the configuration file: at most {@link #MAX_BYTES}, strict UTF-8 (an invalid byte is reported with its
 * line and byte offset), a leading byte order mark ignored, and a {@code bugle.*} key written twice reported with
 * both lines (in {@link Problems}, with the other mistakes). A file that cannot be read as a whole (too large, not
 * UTF-8, a malformed escape) throws at once: nothing else in it could be judged.
 */
public final class ConfigFile {
  /** The largest configuration file read: 64 MiB (100,000 schedules take about 25 MB). */
  public static final long MAX_BYTES = 64L << 20;
  private static final char BOM = '\uFEFF';

  private ConfigFile() {
  }

  /** The file's properties in file order. */
  public static Map<String, String> read(Path file, Problems problems) {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new ConfigException(null, "the configuration file " + file + " is " + size + " bytes; the limit is "
            + MAX_BYTES + " bytes (64 MiB)");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ConfigException(null, "cannot read the configuration file " + file + ": " + e.getMessage(), e);
    }
    String text = decode(file, bytes);
    if (!text.isEmpty() && text.charAt(0) == BOM) {
      text = text.substring(1); // written by some Windows editors; without this the first key is lost
    }
    Map<String, String> out = new LinkedHashMap<>();
    Map<String, Integer> lines = new HashMap<>();
    try {
      for (PropertiesText.Entry e : PropertiesText.parse(text)) {
        Integer first = lines.putIfAbsent(e.key(), e.line());
        if (first != null && e.key().startsWith("bugle.")) {
          problems.add(e.key(), "is set twice in " + file + ", on line " + first + " and on line " + e.line()
              + "; keep one of them, for example: " + Values.show(e.key() + "=" + e.value()));
        }
        out.put(e.key(), e.value());
      }
    } catch (ConfigException e) {
      throw new ConfigException(null, "malformed configuration file " + file + ": " + e.getMessage());
    }
    return out;
  }

  private static String decode(Path file, byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      decoder.flush(out);
      return out.flip().toString();
    }
    int offset = in.position();
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    throw new ConfigException(null, "the configuration file " + file + " is not valid UTF-8: line " + line + ", byte "
        + (offset - lineStart + 1) + " of the line (byte offset " + offset + " in the file) is 0x"
        + String.format("%02X", bytes[offset] & 0xff) + "; save it as UTF-8 text (a binary file cannot be read)");
  }
}

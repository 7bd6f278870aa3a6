package dev.bugle.cli;

/** The process exit codes; README.md lists them for operators. */
final class ExitCodes {
  static final int STOPPED = 0;
  static final int UNEXPECTED = 1;
  static final int CONFIG = 2;
  static final int NOT_ACQUIRED = 3;
  static final int LOST = 4;

  private ExitCodes() {
  }
}

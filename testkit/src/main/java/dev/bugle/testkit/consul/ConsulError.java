package dev.bugle.testkit.consul;

/** An HTTP error as Consul answers it: a status code and a plain-text body. */
final class ConsulError extends RuntimeException {
  private final int status;

  ConsulError(int status, String body) {
    super(body, null, false, false);
    this.status = status;
  }

  static ConsulError badRequest(String body) {
    return new ConsulError(400, body);
  }

  /** What Consul's HTTP layer answers for an RPC error: 500 with the error text. */
  static ConsulError internal(String body) {
    return new ConsulError(500, body);
  }

  int status() {
    return status;
  }
}

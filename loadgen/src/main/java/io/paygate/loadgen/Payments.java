package io.paygate.loadgen;

/** Payment-sized request bodies, as a merchant's backend would send them. */
final class Payments {
  private Payments() {}

  static String body(RequestKind kind) {
    String card = switch (kind) {
      case AUTHORISED -> Cards.authorised();
      case DECLINED -> Cards.declined();
      default -> Cards.invalid();
    };
    return "{\"cardnumber\":\"" + card + "\",\"cvv\":\"123\",\"expirymonth\":12,"
        + "\"expiryyear\":2031,\"amount\":42.50,\"currency\":\"EUR\","
        + "\"cardholdername\":\"Santa Claus\"}";
  }

  /** The error kind for an answer's status line, or null when it is the expected one. */
  static String check(RequestKind kind, int status, String body) {
    switch (kind) {
      case AUTHORISED:
        return status != 201 ? "http " + status : expectStatus(body, "Authorised");
      case DECLINED:
        return status != 201 ? "http " + status : expectStatus(body, "Declined");
      case INVALID:
        return status == 400 ? null : "http " + status + " for an invalid card";
      default:
        return status == 200 ? null : "http " + status;
    }
  }

  private static String expectStatus(String body, String expected) {
    int at = body.indexOf("\"status\":\"");
    if (at < 0) {
      return "answer without a status";
    }
    int from = at + 10;
    int to = body.indexOf('"', from);
    String status = body.substring(from, to);
    return status.equals(expected) ? null : "status " + status;
  }
}

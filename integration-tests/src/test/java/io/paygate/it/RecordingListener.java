package io.paygate.it;

import io.paygate.sdk.PaygateListener;
import io.paygate.sdk.RequestEvent;
import io.paygate.sdk.ResponseEvent;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Hears what the SDK put on the wire and what came back, as the SDK's listener reports it. */
final class RecordingListener implements PaygateListener {
  final List<RequestEvent> requests = new CopyOnWriteArrayList<>();
  final List<ResponseEvent> responses = new CopyOnWriteArrayList<>();

  @Override public void requestSent(RequestEvent request) {
    requests.add(request);
  }

  @Override public void responseReceived(ResponseEvent response) {
    responses.add(response);
  }

  /** "POST /login", "GET /api/history" and so on, in the order the answers came. */
  List<String> exchanges() {
    return responses.stream()
        .map(r -> r.request().method() + " " + URI.create(r.request().url()).getPath() + " " + r.code())
        .toList();
  }

  long count(String path) {
    return requests.stream().filter(r -> URI.create(r.url()).getPath().equals(path)).count();
  }

  void clear() {
    requests.clear();
    responses.clear();
  }
}

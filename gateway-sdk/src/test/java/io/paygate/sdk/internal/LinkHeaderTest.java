package io.paygate.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {
  @Test void findsTheNextLinkAsWritten() {
    assertThat(LinkHeader.find(List.of("</api/history?limit=50&cursor=MDE5M2ExYjI>; rel=\"next\""), "next"))
        .isEqualTo("/api/history?limit=50&cursor=MDE5M2ExYjI");
  }

  @Test void picksTheRightOneAmongSeveral() {
    String header = "</a?cursor=1>; rel=\"prev\"; title=\"a, b\", </a?cursor=2>; rel=next";
    assertThat(LinkHeader.find(List.of(header), "next")).isEqualTo("/a?cursor=2");
    assertThat(LinkHeader.find(List.of(header), "prev")).isEqualTo("/a?cursor=1");
  }

  @Test void readsSeveralHeadersAndRelationTypes() {
    assertThat(LinkHeader.find(List.of("</first>; rel=\"first\"", "</n>; REL=\"last NEXT\""), "next"))
        .isEqualTo("/n");
  }

  @Test void noNextIsNull() {
    assertThat(LinkHeader.find(List.of(), "next")).isNull();
    assertThat(LinkHeader.find(List.of("</a>; rel=\"prev\""), "next")).isNull();
    assertThat(LinkHeader.find(List.of("garbage"), "next")).isNull();
  }
}

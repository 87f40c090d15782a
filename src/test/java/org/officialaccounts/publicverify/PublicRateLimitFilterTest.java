package org.officialaccounts.publicverify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class PublicRateLimitFilterTest {

  final PublicRateLimitFilter filter =
      new PublicRateLimitFilter(new PublicProperties(3, Duration.ofMinutes(1), 60));

  @Test
  void answers429WithRetryAfterOnceAClientHasUsedItsBudget() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(call("203.0.113.7").getStatus()).isEqualTo(200);
    }
    MockHttpServletResponse refused = call("203.0.113.7");
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 60);
    assertThat(refused.getContentType()).startsWith("application/problem+json");
    assertThat(refused.getContentAsString()).contains("Too many requests").contains("طلبات كثيرة");
  }

  @Test
  void countsEachClientOnItsOwn() throws Exception {
    for (int i = 0; i < 3; i++) {
      call("203.0.113.8");
    }
    assertThat(call("203.0.113.8").getStatus()).isEqualTo(429);
    assertThat(call("198.51.100.1").getStatus()).isEqualTo(200);
  }

  private MockHttpServletResponse call(String address) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/public/verify");
    request.setRemoteAddr(address);
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    return response;
  }
}

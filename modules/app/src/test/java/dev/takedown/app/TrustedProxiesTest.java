package dev.takedown.app;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The address the login throttle keys on (the one {@link WebAuthenticationDetails} takes from the request) comes from
 * {@code X-Forwarded-For} only when the direct peer is a configured proxy, and then it is the hop that proxy saw.
 */
class TrustedProxiesTest {

    @RestController
    static class Echo {

        @GetMapping("/whoami")
        String whoami(HttpServletRequest request) {
            return new WebAuthenticationDetails(request).getRemoteAddress() + " " + request.getScheme();
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Echo())
            .addFilters(new TrustedProxies.Filter(List.of("10.0.0.5", "10.1.0.0/16")))
            .build();

    @Test
    void anUntrustedPeerCannotNameAnotherClient() throws Exception {
        mvc.perform(get("/whoami")
                        .with(peer("203.0.113.66"))
                        .header("X-Forwarded-For", "198.51.100.1")
                        .header("X-Forwarded-Proto", "https"))
                .andExpect(content().string("203.0.113.66 http"));
    }

    @Test
    void withoutConfiguredProxiesNobodyIsBelieved() throws Exception {
        MockMvc none = MockMvcBuilders.standaloneSetup(new Echo())
                .addFilters(new TrustedProxies.Filter(List.of()))
                .build();
        none.perform(get("/whoami").with(peer("10.0.0.5")).header("X-Forwarded-For", "198.51.100.1"))
                .andExpect(content().string("10.0.0.5 http"));
    }

    @Test
    void aTrustedProxyNamesTheClientItSaw() throws Exception {
        mvc.perform(get("/whoami")
                        .with(peer("10.0.0.5"))
                        .header("X-Forwarded-For", "198.51.100.1")
                        .header("X-Forwarded-Proto", "https"))
                .andExpect(content().string("198.51.100.1 https"));
    }

    @Test
    void theClientsOwnForwardedForIsNotTakenAtItsWord() throws Exception {
        // the client wrote 192.0.2.99 itself; the proxy appended the address it saw
        mvc.perform(get("/whoami").with(peer("10.0.0.5")).header("X-Forwarded-For", "192.0.2.99, 198.51.100.1"))
                .andExpect(content().string("198.51.100.1 http"));
        // a chain of trusted proxies is walked past
        mvc.perform(get("/whoami")
                        .with(peer("10.0.0.5"))
                        .header("X-Forwarded-For", "192.0.2.99, 198.51.100.1, 10.1.4.4"))
                .andExpect(content().string("198.51.100.1 http"));
        // a proxy that forwarded nothing: the proxy itself
        mvc.perform(get("/whoami").with(peer("10.0.0.5"))).andExpect(content().string("10.0.0.5 http"));
    }

    private static RequestPostProcessor peer(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}

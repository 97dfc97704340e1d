package dev.takedown.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Whom the application believes about the client: {@code X-Forwarded-*} and {@code Forwarded} count only when the
 * direct peer is one of {@code takedown.security.trusted-proxies} (addresses or CIDR ranges; none by default). From a
 * trusted proxy the client is the right-most address in {@code X-Forwarded-For} that is not itself a trusted proxy
 * (what the proxy nearest to us saw), never the left-most one, which the client writes itself; scheme, host and port
 * come from the forwarded headers. From anyone else the forwarded headers are removed before anything reads them.
 * Runs first, so the login throttle, the logs and redirects all see the same client.
 */
@Configuration
class TrustedProxies {

    static final String PROPERTY = "takedown.security.trusted-proxies";

    /** The configured entries, as written. */
    static List<String> configured(Environment environment) {
        return Binder.get(environment).bind(PROPERTY, Bindable.listOf(String.class)).orElse(List.of()).stream()
                .filter(p -> !p.isBlank())
                .toList();
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> trustedProxiesFilter(Environment environment) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new Filter(configured(environment)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private final List<IpAddressMatcher> proxies;
        private final ForwardedHeaderFilter honour = new ForwardedHeaderFilter();
        private final ForwardedHeaderFilter strip = new ForwardedHeaderFilter();

        Filter(List<String> proxies) {
            this.proxies =
                    proxies.stream().map(p -> new IpAddressMatcher(p.strip())).toList();
            strip.setRemoveOnly(true);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!trusted(request.getRemoteAddr())) {
                strip.doFilter(request, response, chain);
                return;
            }
            String client = client(request);
            honour.doFilter(
                    request,
                    response,
                    (forwarded, answer) ->
                            chain.doFilter(new ClientAddress((HttpServletRequest) forwarded, client), answer));
        }

        /** The nearest address in X-Forwarded-For that no trusted proxy has; the peer when there is none. */
        private String client(HttpServletRequest request) {
            List<String> hops = new ArrayList<>();
            for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
                for (String hop : header.split(",")) {
                    if (!hop.isBlank()) {
                        hops.add(hop.strip());
                    }
                }
            }
            for (int i = hops.size() - 1; i >= 0; i--) {
                if (!trusted(hops.get(i))) {
                    return hops.get(i);
                }
            }
            return request.getRemoteAddr();
        }

        private boolean trusted(String address) {
            try {
                return proxies.stream().anyMatch(p -> p.matches(address));
            } catch (IllegalArgumentException notAnAddress) {
                return false;
            }
        }
    }

    /** The request as the client sent it to the trusted proxy. */
    private static final class ClientAddress extends HttpServletRequestWrapper {

        private final String client;

        ClientAddress(HttpServletRequest request, String client) {
            super(request);
            this.client = client;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }
    }
}

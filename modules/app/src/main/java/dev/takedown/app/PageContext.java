package dev.takedown.app;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout needs on every page: links that switch the language and come back to the same page. A page
 * rendered in answer to a POST links back to the page the form was on (its same-origin referrer), since the POST
 * address itself cannot be fetched.
 */
@ControllerAdvice
class PageContext {

    @ModelAttribute("langEn")
    String english(HttpServletRequest request) {
        return switchTo(request, "en");
    }

    @ModelAttribute("langZh")
    String chinese(HttpServletRequest request) {
        return switchTo(request, "zh-CN");
    }

    static String switchTo(HttpServletRequest request, String language) {
        try {
            String[] here = here(request);
            String query = Stream.concat(
                            here[1] == null
                                    ? Stream.empty()
                                    : Arrays.stream(here[1].split("&"))
                                            .filter(p ->
                                                    !p.isEmpty() && !p.startsWith("lang=") && !p.startsWith("_csrf=")),
                            Stream.of("lang=" + language))
                    .collect(Collectors.joining("&"));
            return here[0] + "?" + query;
        } catch (RuntimeException odd) {
            return "/?lang=" + language;
        }
    }

    /** Raw (still encoded) path and query of the page to come back to. */
    private static String[] here(HttpServletRequest request) {
        if ("GET".equals(request.getMethod())) {
            Object forwarded = request.getAttribute("jakarta.servlet.forward.request_uri");
            if (forwarded instanceof String uri) {
                Object query = request.getAttribute("jakarta.servlet.forward.query_string");
                return new String[] {safe(uri), query instanceof String q ? q : null};
            }
            return new String[] {safe(request.getRequestURI()), request.getQueryString()};
        }
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                URI from = URI.create(referer);
                if (request.getServerName() != null && request.getServerName().equalsIgnoreCase(from.getHost())) {
                    return new String[] {safe(from.getRawPath()), null};
                }
            } catch (IllegalArgumentException malformed) {
                // back to the start page
            }
        }
        return new String[] {"/", null};
    }

    /** Only a path on this site: never a scheme, never a protocol-relative {@code //host}. */
    private static String safe(String path) {
        if (path == null
                || !path.startsWith("/")
                || path.startsWith("//")
                || path.contains("\\")
                || path.startsWith("/error")) {
            return "/";
        }
        return path;
    }
}

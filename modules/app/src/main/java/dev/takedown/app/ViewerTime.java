package dev.takedown.app;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Dates in the viewer's time zone. {@code /js/takedown.js} stores the browser's zone
 * ({@code Intl.DateTimeFormat().resolvedOptions().timeZone}) in the {@code tz} cookie; pages format with it
 * ({@code ${@viewerTime.format(instant)}}), UTC when the cookie is absent or not a zone id.
 */
@Component("viewerTime")
public class ViewerTime {

    static final String COOKIE = "tz";
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public String format(Instant instant) {
        return instant == null ? "—" : MINUTES.withZone(zone()).format(instant);
    }

    public String formatSeconds(Instant instant) {
        return instant == null ? "—" : SECONDS.withZone(zone()).format(instant);
    }

    /** ISO-8601 with offset, for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null
                ? ""
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone()).format(instant);
    }

    public String zoneName() {
        ZoneId zone = zone();
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    public ZoneId zone() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return ZoneOffset.UTC;
        }
        HttpServletRequest request = attributes.getRequest();
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return ZoneOffset.UTC;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return parse(cookie.getValue());
            }
        }
        return ZoneOffset.UTC;
    }

    static ZoneId parse(String value) {
        if (value == null || value.isBlank() || value.length() > 64) {
            return ZoneOffset.UTC;
        }
        String decoded = value.replace("%2F", "/").replace("%2f", "/");
        try {
            return ZoneId.of(decoded);
        } catch (DateTimeException notAZone) {
            return ZoneOffset.UTC;
        }
    }
}

package dev.takedown.notices;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The location of allegedly infringing material, in one canonical spelling so that duplicates compare equal. */
public final class TargetUrl {

    private TargetUrl() {}

    public static boolean isValid(String url) {
        if (url.length() > 4000) {
            return false;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme();
            return uri.getHost() != null && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Lower-cases scheme and host and drops the fragment, which never reaches the server. */
    public static String canonical(String url) {
        try {
            URI uri = new URI(url.strip());
            URI normalised = new URI(
                    uri.getScheme().toLowerCase(Locale.ROOT),
                    uri.getRawUserInfo() == null ? null : uri.getUserInfo(),
                    uri.getHost().toLowerCase(Locale.ROOT),
                    uri.getPort(),
                    uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath(),
                    uri.getQuery(),
                    null);
            return normalised.normalize().toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url, e);
        }
    }
}

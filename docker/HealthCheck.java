import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The container's health check: the runtime image is a plain JRE (no curl or wget promised), so a few lines of Java
 * ask {@code /actuator/health} and exit 0 when it answers 200 with status UP or DEGRADED (the node serves; open
 * incidents wait for an administrator, a restart would not help). Compiled into the image by the Dockerfile; an
 * argument replaces the URL.
 */
public final class HealthCheck {

    private HealthCheck() {
    }

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("SERVER_PORT", "8080");
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:" + port + "/actuator/health";
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(3_000);
            connection.setReadTimeout(4_000);
            int status = connection.getResponseCode();
            String body;
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                body = in == null ? "" : new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            }
            String compact = body.replace(" ", "");
            if (status == 200
                    && (compact.contains("\"status\":\"UP\"") || compact.contains("\"status\":\"DEGRADED\""))) {
                System.exit(0);
            }
            System.err.println(url + " answered " + status + ": " + body);
        } catch (IOException | RuntimeException e) {
            System.err.println(url + ": " + e);
        }
        System.exit(1);
    }
}

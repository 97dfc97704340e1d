package dev.takedown.app;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.takedown.kernel.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;

/**
 * Per-organisation API keys for portals and platform services. A key is shown once at creation; only its SHA-256 is
 * stored (keys carry 256 random bits, so a fast hash is safe and lookups stay one index probe). Revoked keys stop
 * working on the next request.
 */
@Service
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ApiKeys(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record IssuedKey(String keyId, String key, String prefix, String role, String organisationId) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record KeyInfo(
            String keyId,
            String prefix,
            String label,
            String role,
            String organisationId,
            String createdBy,
            Instant createdAt,
            Instant revokedAt) {}

    /** The identity a valid key authenticates as. */
    public record KeyHolder(String name, List<GrantedAuthority> authorities) {}

    public IssuedKey issue(String role, String organisationId, String label, String createdBy) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String prefix = HexFormat.of().formatHex(secret, 0, 4);
        String key =
                "tdk_" + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into api_key (id, key_hash, prefix, label, role, organisation_id, created_by, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                sha256(key),
                prefix,
                label,
                role,
                organisationId,
                createdBy,
                Timestamp.from(clock.instant()));
        return new IssuedKey(id.toString(), key, prefix, role, organisationId);
    }

    public List<KeyInfo> list() {
        return jdbc.query(
                "select id, prefix, label, role, organisation_id, created_by, created_at, revoked_at "
                        + "from api_key order by created_at",
                (rs, row) -> new KeyInfo(
                        rs.getString("id"),
                        rs.getString("prefix"),
                        rs.getString("label"),
                        rs.getString("role"),
                        rs.getString("organisation_id"),
                        rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("revoked_at") == null
                                ? null
                                : rs.getTimestamp("revoked_at").toInstant()));
    }

    /** True when this call revoked the key. */
    public boolean revoke(String keyId) {
        try {
            return jdbc.update(
                            "update api_key set revoked_at = ? where id = ? and revoked_at is null",
                            Timestamp.from(clock.instant()),
                            UUID.fromString(keyId))
                    == 1;
        } catch (IllegalArgumentException notAUuid) {
            return false;
        }
    }

    public Optional<KeyHolder> authenticate(String key) {
        if (key == null || !key.startsWith("tdk_") || key.length() > 200) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        "select prefix, role, organisation_id from api_key where key_hash = ? "
                                + "and revoked_at is null",
                        (rs, row) -> {
                            List<GrantedAuthority> authorities = new ArrayList<>();
                            authorities.add(new SimpleGrantedAuthority("ROLE_" + rs.getString("role")));
                            String organisation = rs.getString("organisation_id");
                            if (organisation != null) {
                                authorities.add(new SimpleGrantedAuthority(Caller.ORGANISATION_PREFIX + organisation));
                            }
                            return new KeyHolder("api-key:" + rs.getString("prefix"), authorities);
                        },
                        sha256(key))
                .stream()
                .findFirst();
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

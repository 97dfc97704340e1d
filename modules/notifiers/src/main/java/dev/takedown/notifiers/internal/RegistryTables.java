package dev.takedown.notifiers.internal;

import dev.takedown.notifiers.AuthorityKind;
import dev.takedown.notifiers.CompetentAuthority;
import dev.takedown.notifiers.ExpertiseArea;
import dev.takedown.notifiers.TrustedFlagger;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;

/** The registry tables: trusted flaggers and competent authorities, each revocable, never deleted. */
@Component
public class RegistryTables {

    private final JdbcTemplate jdbc;

    RegistryTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Registry changes are rare: one at a time, so a credential cannot be bound to two entries by two requests. */
    public void lock() {
        jdbc.query("select pg_advisory_xact_lock(22009)", (ResultSetExtractor<Void>) rs -> null);
    }

    public void insert(TrustedFlagger f) {
        jdbc.update(
                "insert into trusted_flagger (id, entity, coordinator, coordinator_country, areas, valid_from, "
                        + "valid_until, credentials, registered_by, registered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.fromString(f.id()),
                f.entity(),
                f.coordinator(),
                f.coordinatorCountry(),
                f.areas().stream().map(Enum::name).toArray(String[]::new),
                Date.valueOf(f.validFrom()),
                f.validUntil() == null ? null : Date.valueOf(f.validUntil()),
                f.credentials().toArray(String[]::new),
                f.registeredBy(),
                Timestamp.from(f.registeredAt()));
    }

    public void update(TrustedFlagger f, String actor, Instant at) {
        jdbc.update(
                "update trusted_flagger set entity = ?, coordinator = ?, coordinator_country = ?, areas = ?, "
                        + "valid_from = ?, valid_until = ?, credentials = ?, updated_by = ?, updated_at = ? where id = ?",
                f.entity(),
                f.coordinator(),
                f.coordinatorCountry(),
                f.areas().stream().map(Enum::name).toArray(String[]::new),
                Date.valueOf(f.validFrom()),
                f.validUntil() == null ? null : Date.valueOf(f.validUntil()),
                f.credentials().toArray(String[]::new),
                actor,
                Timestamp.from(at),
                UUID.fromString(f.id()));
    }

    public void insert(CompetentAuthority a) {
        jdbc.update(
                "insert into competent_authority (id, name, country, kind, contact, legal_bases, credentials, "
                        + "registered_by, registered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.fromString(a.id()),
                a.name(),
                a.country(),
                a.kind().name(),
                a.contact(),
                a.legalBases().toArray(String[]::new),
                a.credentials().toArray(String[]::new),
                a.registeredBy(),
                Timestamp.from(a.registeredAt()));
    }

    public void update(CompetentAuthority a, String actor, Instant at) {
        jdbc.update(
                "update competent_authority set name = ?, country = ?, kind = ?, contact = ?, legal_bases = ?, "
                        + "credentials = ?, updated_by = ?, updated_at = ? where id = ?",
                a.name(),
                a.country(),
                a.kind().name(),
                a.contact(),
                a.legalBases().toArray(String[]::new),
                a.credentials().toArray(String[]::new),
                actor,
                Timestamp.from(at),
                UUID.fromString(a.id()));
    }

    /** {@code table} is one of the two registry tables, never input. */
    public void revoke(String table, String id, String actor, String reason, Instant at) {
        jdbc.update(
                "update " + table + " set revoked_at = ?, revoked_by = ?, revocation_reason = ? where id = ?",
                Timestamp.from(at),
                actor,
                reason,
                UUID.fromString(id));
    }

    public List<TrustedFlagger> trustedFlaggers() {
        return jdbc.query("select * from trusted_flagger order by registered_at, id", RegistryTables::flagger);
    }

    public Optional<TrustedFlagger> trustedFlagger(String id) {
        return uuid(id).flatMap(uuid ->
                jdbc.query("select * from trusted_flagger where id = ?", RegistryTables::flagger, uuid).stream()
                        .findFirst());
    }

    public List<CompetentAuthority> authorities() {
        return jdbc.query("select * from competent_authority order by registered_at, id", RegistryTables::authority);
    }

    public Optional<CompetentAuthority> authority(String id) {
        return uuid(id).flatMap(uuid ->
                jdbc.query("select * from competent_authority where id = ?", RegistryTables::authority, uuid).stream()
                        .findFirst());
    }

    /** Entries not revoked that a credential is bound to, in either registry (other than {@code except}). */
    public List<String> activeEntriesBoundTo(String credential, String except) {
        return jdbc.queryForList(
                "select id::text from trusted_flagger where revoked_at is null and ? = any (credentials) "
                        + "and id::text <> ? union all select id::text from competent_authority "
                        + "where revoked_at is null and ? = any (credentials) and id::text <> ?",
                String.class,
                credential,
                except == null ? "" : except,
                credential,
                except == null ? "" : except);
    }

    public List<TrustedFlagger> trustedFlaggersBoundTo(String credential) {
        return jdbc.query(
                "select * from trusted_flagger where ? = any (credentials) order by registered_at desc",
                RegistryTables::flagger,
                credential);
    }

    public List<CompetentAuthority> authoritiesBoundTo(String credential) {
        return jdbc.query(
                "select * from competent_authority where ? = any (credentials) order by registered_at desc",
                RegistryTables::authority,
                credential);
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException notAUuid) {
            return Optional.empty();
        }
    }

    private static TrustedFlagger flagger(ResultSet rs, int row) throws SQLException {
        Date until = rs.getDate("valid_until");
        return new TrustedFlagger(
                rs.getString("id"),
                rs.getString("entity"),
                rs.getString("coordinator"),
                rs.getString("coordinator_country"),
                strings(rs.getArray("areas")).stream()
                        .map(ExpertiseArea::valueOf)
                        .toList(),
                rs.getDate("valid_from").toLocalDate(),
                until == null ? null : until.toLocalDate(),
                strings(rs.getArray("credentials")),
                rs.getString("registered_by"),
                rs.getTimestamp("registered_at").toInstant(),
                instant(rs.getTimestamp("revoked_at")),
                rs.getString("revoked_by"),
                rs.getString("revocation_reason"));
    }

    private static CompetentAuthority authority(ResultSet rs, int row) throws SQLException {
        return new CompetentAuthority(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("country"),
                AuthorityKind.valueOf(rs.getString("kind")),
                rs.getString("contact"),
                strings(rs.getArray("legal_bases")),
                strings(rs.getArray("credentials")),
                rs.getString("registered_by"),
                rs.getTimestamp("registered_at").toInstant(),
                instant(rs.getTimestamp("revoked_at")),
                rs.getString("revoked_by"),
                rs.getString("revocation_reason"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.copyOf(Arrays.asList((String[]) array.getArray()));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}

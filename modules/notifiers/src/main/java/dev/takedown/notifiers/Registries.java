package dev.takedown.notifiers;

import dev.takedown.events.RegistryEntryChanged;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.notifiers.internal.EntryChecks;
import dev.takedown.notifiers.internal.RegistryTables;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registries compliance officers keep: trusted flaggers (DSA Art. 22) and competent authorities (DSA Art. 9).
 * Every registration, change and revocation is published as {@link RegistryEntryChanged} (a ledger fact). A
 * credential is bound to at most one entry in force, so a notice's status is never ambiguous.
 */
@Service
public class Registries {

    private static final int MAX_TEXT = 500;
    private static final int MAX_CREDENTIAL = 200;
    private static final int MAX_REASON = 2000;

    private final RegistryTables tables;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Registries(RegistryTables tables, ApplicationEventPublisher events, Clock clock) {
        this.tables = tables;
        this.events = events;
        this.clock = clock;
    }

    // --- trusted flaggers ------------------------------------------------------------------------------------

    @Transactional
    public TrustedFlagger register(TrustedFlaggerDetails details, String actor) {
        tables.lock();
        Instant now = clock.instant();
        TrustedFlagger flagger = flagger(UUID.randomUUID().toString(), details, actor, now);
        tables.insert(flagger);
        publish(Registry.TRUSTED_FLAGGER, flagger.id(), "REGISTERED", snapshot(flagger), null, actor, now);
        return flagger;
    }

    /** Replaces an entry's details (a renewed designation, a new area, another credential) with reasons. */
    @Transactional
    public TrustedFlagger update(String id, TrustedFlaggerDetails details, String reason, String actor) {
        tables.lock();
        TrustedFlagger current = tables.trustedFlagger(id).orElseThrow(() -> new RegistryEntryNotFoundException(id));
        requireInForce(current.revoked());
        Instant now = clock.instant();
        TrustedFlagger changed = flagger(id, details, current.registeredBy(), current.registeredAt());
        String why = reason(reason, false);
        tables.update(changed, actor, now);
        publish(Registry.TRUSTED_FLAGGER, id, "UPDATED", snapshot(changed), why, actor, now);
        return changed;
    }

    /** The coordinator revoked or suspended the status (DSA Art. 22(6)); from now on notices claim it in vain. */
    @Transactional
    public TrustedFlagger revokeTrustedFlagger(String id, String reason, String actor) {
        tables.lock();
        TrustedFlagger current = tables.trustedFlagger(id).orElseThrow(() -> new RegistryEntryNotFoundException(id));
        requireInForce(current.revoked());
        Instant now = clock.instant();
        String why = reason(reason, true);
        tables.revoke("trusted_flagger", id, actor, why, now);
        TrustedFlagger revoked = tables.trustedFlagger(id).orElseThrow();
        publish(Registry.TRUSTED_FLAGGER, id, "REVOKED", snapshot(revoked), why, actor, now);
        return revoked;
    }

    @Transactional(readOnly = true)
    public List<TrustedFlagger> trustedFlaggers() {
        return tables.trustedFlaggers();
    }

    @Transactional(readOnly = true)
    public TrustedFlagger trustedFlagger(String id) {
        return tables.trustedFlagger(id).orElseThrow(() -> new RegistryEntryNotFoundException(id));
    }

    // --- competent authorities ---------------------------------------------------------------------------------

    @Transactional
    public CompetentAuthority register(AuthorityDetails details, String actor) {
        tables.lock();
        Instant now = clock.instant();
        CompetentAuthority authority = authority(UUID.randomUUID().toString(), details, actor, now);
        tables.insert(authority);
        publish(Registry.COMPETENT_AUTHORITY, authority.id(), "REGISTERED", snapshot(authority), null, actor, now);
        return authority;
    }

    @Transactional
    public CompetentAuthority update(String id, AuthorityDetails details, String reason, String actor) {
        tables.lock();
        CompetentAuthority current = tables.authority(id).orElseThrow(() -> new RegistryEntryNotFoundException(id));
        requireInForce(current.revoked());
        Instant now = clock.instant();
        CompetentAuthority changed = authority(id, details, current.registeredBy(), current.registeredAt());
        String why = reason(reason, false);
        tables.update(changed, actor, now);
        publish(Registry.COMPETENT_AUTHORITY, id, "UPDATED", snapshot(changed), why, actor, now);
        return changed;
    }

    @Transactional
    public CompetentAuthority revokeAuthority(String id, String reason, String actor) {
        tables.lock();
        CompetentAuthority current = tables.authority(id).orElseThrow(() -> new RegistryEntryNotFoundException(id));
        requireInForce(current.revoked());
        Instant now = clock.instant();
        String why = reason(reason, true);
        tables.revoke("competent_authority", id, actor, why, now);
        CompetentAuthority revoked = tables.authority(id).orElseThrow();
        publish(Registry.COMPETENT_AUTHORITY, id, "REVOKED", snapshot(revoked), why, actor, now);
        return revoked;
    }

    @Transactional(readOnly = true)
    public List<CompetentAuthority> authorities() {
        return tables.authorities();
    }

    @Transactional(readOnly = true)
    public CompetentAuthority authority(String id) {
        return tables.authority(id).orElseThrow(() -> new RegistryEntryNotFoundException(id));
    }

    // ------------------------------------------------------------------------------------------------------------

    private TrustedFlagger flagger(String id, TrustedFlaggerDetails d, String registeredBy, Instant registeredAt) {
        EntryChecks checks = new EntryChecks();
        String entity = checks.text("entity", d.entity(), MAX_TEXT);
        String coordinator = checks.text("coordinator", d.coordinator(), MAX_TEXT);
        String country = checks.memberState("coordinator_country", d.coordinatorCountry());
        List<ExpertiseArea> areas = checks.areas("areas", d.areas());
        LocalDate from = checks.date("valid_from", d.validFrom(), true);
        LocalDate until = checks.date("valid_until", d.validUntil(), false);
        checks.order(from, until);
        List<String> credentials = checks.list("credentials", d.credentials(), MAX_CREDENTIAL, "credential");
        requireValid(checks);
        requireUnbound(credentials, id);
        return new TrustedFlagger(
                id,
                entity,
                coordinator,
                country,
                areas,
                from,
                until,
                credentials,
                registeredBy,
                registeredAt,
                null,
                null,
                null);
    }

    private CompetentAuthority authority(String id, AuthorityDetails d, String registeredBy, Instant registeredAt) {
        EntryChecks checks = new EntryChecks();
        String name = checks.text("name", d.name(), MAX_TEXT);
        String country = checks.country("country", d.country());
        AuthorityKind kind = checks.kind("kind", d.kind());
        String contact = checks.text("contact", d.contact(), 1000);
        List<String> bases = checks.list("legal_bases", d.legalBases(), MAX_TEXT, "legal basis");
        List<String> credentials = checks.list("credentials", d.credentials(), MAX_CREDENTIAL, "credential");
        requireValid(checks);
        requireUnbound(credentials, id);
        return new CompetentAuthority(
                id, name, country, kind, contact, bases, credentials, registeredBy, registeredAt, null, null, null);
    }

    private static void requireValid(EntryChecks checks) {
        if (!checks.problems().isEmpty()) {
            throw new InvalidRegistryEntryException(checks.problems());
        }
    }

    /** One entry in force per credential, across both registries: a notice's status must not depend on a choice. */
    private void requireUnbound(List<String> credentials, String id) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < credentials.size(); i++) {
            List<String> bound = tables.activeEntriesBoundTo(credentials.get(i), id);
            if (!bound.isEmpty()) {
                problems.add(
                        new FieldProblem("credentials[" + i + "]", "already bound to registry entry " + bound.get(0)));
            }
        }
        if (!problems.isEmpty()) {
            throw new RegistryConflictException(problems);
        }
    }

    private static void requireInForce(boolean revoked) {
        if (revoked) {
            throw new RegistryConflictException(
                    List.of(new FieldProblem("id", "the entry is revoked; register a new one")));
        }
    }

    private static String reason(String reason, boolean required) {
        List<FieldProblem> problems = new ArrayList<>();
        if (required && (reason == null || reason.isBlank())) {
            problems.add(new FieldProblem("reason", "a revocation states its reasons"));
        }
        if (reason != null && reason.strip().length() > MAX_REASON) {
            problems.add(new FieldProblem("reason", "at most " + MAX_REASON + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRegistryEntryException(problems);
        }
        return reason == null || reason.isBlank() ? null : reason.strip();
    }

    private void publish(
            Registry registry,
            String id,
            String change,
            Map<String, Object> entry,
            String reason,
            String actor,
            Instant at) {
        events.publishEvent(new RegistryEntryChanged(
                UUID.randomUUID(), at, null, actor, registry.name(), id, change, entry, reason));
    }

    private static Map<String, Object> snapshot(TrustedFlagger f) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("entity", f.entity());
        entry.put("coordinator", f.coordinator());
        entry.put("coordinatorCountry", f.coordinatorCountry());
        entry.put("areas", f.areas().stream().map(Enum::name).toList());
        entry.put("validFrom", f.validFrom().toString());
        entry.put("validUntil", f.validUntil() == null ? null : f.validUntil().toString());
        entry.put("credentials", f.credentials());
        return entry;
    }

    private static Map<String, Object> snapshot(CompetentAuthority a) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", a.name());
        entry.put("country", a.country());
        entry.put("kind", a.kind().name());
        entry.put("contact", a.contact());
        entry.put("legalBases", a.legalBases());
        entry.put("credentials", a.credentials());
        return entry;
    }
}

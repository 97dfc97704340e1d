package dev.takedown.notifiers;

import dev.takedown.notifiers.internal.RegistryTables;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the status a notice claims for its notifier against the registries. What the notice says is never enough: a
 * trusted flagger's notice comes through a credential bound to an entry valid today and not revoked, and is about one
 * of the entry's areas; an authority's order comes through a credential bound to an authority and cites one of the
 * legal bases it issues orders under. Anything else is an ordinary notice, with the reason it is one.
 */
@Service
public class NotifierStatuses {

    private final RegistryTables tables;
    private final Clock clock;

    NotifierStatuses(RegistryTables tables, Clock clock) {
        this.tables = tables;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public StatusCheck check(StatusClaim claim) {
        return switch (claim.claimed()) {
            case NONE -> StatusCheck.none();
            case TRUSTED_FLAGGER -> trustedFlagger(claim);
            case AUTHORITY_ORDER -> authority(claim);
        };
    }

    private StatusCheck trustedFlagger(StatusClaim claim) {
        ClaimedStatus claimed = ClaimedStatus.TRUSTED_FLAGGER;
        List<TrustedFlagger> bound =
                claim.credential() == null ? List.of() : tables.trustedFlaggersBoundTo(claim.credential());
        if (bound.isEmpty()) {
            return StatusCheck.refused(
                    claimed,
                    "no trusted flagger in the registry is bound to the account or key this notice came through");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Optional<TrustedFlagger> inForce = bound.stream()
                .filter(f -> !f.revoked())
                .filter(f -> !today.isBefore(f.validFrom()))
                .filter(f -> f.validUntil() == null || !today.isAfter(f.validUntil()))
                .findFirst();
        if (inForce.isEmpty()) {
            TrustedFlagger last = bound.get(0);
            return StatusCheck.refused(
                    claimed,
                    last.revoked()
                            ? "the trusted-flagger status of " + last.entity() + " was revoked"
                            : "the trusted-flagger status of " + last.entity() + " does not apply on " + today);
        }
        TrustedFlagger flagger = inForce.get();
        String id = claim.trustedFlaggerId();
        if (id != null && !id.isBlank() && !id.strip().equalsIgnoreCase(flagger.id())) {
            return StatusCheck.refused(
                    claimed, "trusted_flagger_id " + id.strip() + " is not the entry this account or key is bound to");
        }
        Optional<ExpertiseArea> area = ExpertiseArea.ofClaim(claim.category(), claim.rightType());
        if (area.isEmpty()) {
            return StatusCheck.refused(claimed, "the notice names no area the registry knows (claim.category)");
        }
        if (!flagger.areas().contains(area.get())) {
            return StatusCheck.refused(
                    claimed,
                    "the notice is about " + area.get() + ", outside the areas of expertise of " + flagger.entity()
                            + " " + flagger.areas());
        }
        return StatusCheck.confirmed(claimed, flagger.id(), flagger.entity());
    }

    private StatusCheck authority(StatusClaim claim) {
        ClaimedStatus claimed = ClaimedStatus.AUTHORITY_ORDER;
        Optional<CompetentAuthority> authority = (claim.credential() == null
                        ? List.<CompetentAuthority>of()
                        : tables.authoritiesBoundTo(claim.credential()))
                .stream().filter(a -> !a.revoked()).findFirst();
        if (authority.isEmpty()) {
            return StatusCheck.refused(
                    claimed,
                    "no competent authority in the registry is bound to the account or key this order came through");
        }
        String basis = claim.legalBasis() == null ? "" : claim.legalBasis().strip();
        if (basis.isEmpty()) {
            return StatusCheck.refused(
                    claimed, "an order cites the legal basis it is issued under (claim.legal_basis)");
        }
        boolean known = authority.get().legalBases().stream()
                .anyMatch(b -> b.toLowerCase(Locale.ROOT).equals(basis.toLowerCase(Locale.ROOT)));
        if (!known) {
            return StatusCheck.refused(
                    claimed,
                    "“" + basis + "” is not a legal basis " + authority.get().name() + " issues orders under "
                            + authority.get().legalBases());
        }
        return StatusCheck.confirmedOrder(
                authority.get().id(), authority.get().name(), authority.get().country());
    }
}

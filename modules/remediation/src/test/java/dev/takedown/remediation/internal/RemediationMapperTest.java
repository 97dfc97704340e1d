package dev.takedown.remediation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takedown.remediation.RemediationChange;
import dev.takedown.remediation.RemediationDetails;
import dev.takedown.remediation.RemediationStatus;
import dev.takedown.remediation.RemediationVerification;
import dev.takedown.remediation.RemediationView;
import dev.takedown.remediation.VerificationOutcome;
import dev.takedown.remediation.WideningReview;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API sees every field of the aggregate, its changes and verifications, and nothing it could move them with. */
class RemediationMapperTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private final RemediationMapper mapper = new RemediationMapperImpl();

    @Test
    void mapsTheRemediationWithItsChangesAndVerificationsInOrder() {
        Remediation remediation =
                Remediation.open("case-1", "org-partner", T0, T0.plus(Duration.ofDays(15)), "m-1", "suite failed");
        remediation.recordChange("f-2", null, "names", List.of("Tiga"), true, "platform", T0.plusSeconds(10));
        remediation.refuseWidening("moderator", "too broad", T0.plusSeconds(20));
        remediation.recordChange(null, "gen-5", "retrained", List.of(), false, "platform", T0.plusSeconds(30));
        remediation.passVerification(List.of("m-1", "m-2"), 4, T0.plusSeconds(40), T0.plusSeconds(50));

        RemediationDetails details = mapper.details(remediation);

        RemediationView view = details.remediation();
        assertThat(view.remediationId()).isEqualTo(remediation.getId().toString());
        assertThat(view.caseId()).isEqualTo("case-1");
        assertThat(view.ownerId()).isEqualTo("org-partner");
        assertThat(view.status()).isEqualTo(RemediationStatus.VERIFIED);
        assertThat(view.openedAt()).isEqualTo(T0);
        assertThat(view.dueAt()).isEqualTo(T0.plus(Duration.ofDays(15)));
        assertThat(view.verifiedAt()).isEqualTo(T0.plusSeconds(50));
        assertThat(view.escalatedAt()).isNull();
        assertThat(view.withdrawnAt()).isNull();
        assertThat(view.lastFailure()).isNull();

        assertThat(details.changes()).hasSize(2);
        RemediationChange refused = details.changes().get(0);
        assertThat(refused.changeId())
                .isEqualTo(remediation.getChanges().get(0).getId().toString());
        assertThat(refused.filterVersion()).isEqualTo("f-2");
        assertThat(refused.modelVersion()).isNull();
        assertThat(refused.description()).isEqualTo("names");
        assertThat(refused.addedTerms()).containsExactly("Tiga");
        assertThat(refused.recordedBy()).isEqualTo("platform");
        assertThat(refused.recordedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(refused.widening()).isEqualTo(WideningReview.REFUSED);
        assertThat(refused.wideningDecidedBy()).isEqualTo("moderator");
        assertThat(refused.wideningDecidedAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(refused.wideningReason()).isEqualTo("too broad");
        assertThat(details.changes().get(1).widening()).isEqualTo(WideningReview.NONE);
        assertThat(details.changes().get(1).modelVersion()).isEqualTo("gen-5");

        RemediationVerification verification = details.verifications().get(0);
        assertThat(details.verifications()).hasSize(1);
        assertThat(verification.verificationId())
                .isEqualTo(remediation.getVerifications().get(0).getId().toString());
        assertThat(verification.changeId()).isEqualTo(details.changes().get(1).changeId());
        assertThat(verification.outcome()).isEqualTo(VerificationOutcome.PASSED);
        assertThat(verification.measureIds()).containsExactly("m-1", "m-2");
        assertThat(verification.passed()).isEqualTo(4);
        assertThat(verification.failedPrompts()).isEmpty();
        assertThat(verification.replayedAt()).isEqualTo(T0.plusSeconds(40));
        assertThat(verification.checkedAt()).isEqualTo(T0.plusSeconds(50));
    }

    @Test
    void nothingMapsToNothing() {
        assertThat(mapper.view(null)).isNull();
        assertThat(mapper.changes(null)).isNull();
    }
}

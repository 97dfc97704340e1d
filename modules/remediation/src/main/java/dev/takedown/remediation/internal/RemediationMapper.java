package dev.takedown.remediation.internal;

import dev.takedown.remediation.RemediationChange;
import dev.takedown.remediation.RemediationDetails;
import dev.takedown.remediation.RemediationVerification;
import dev.takedown.remediation.RemediationView;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** The aggregate as the API shows it: never the entities themselves, so nothing outside can move a remediation. */
@Mapper
public interface RemediationMapper {

    @Mapping(target = "remediationId", source = "id")
    RemediationView view(Remediation remediation);

    @Mapping(target = "changeId", source = "id")
    RemediationChange change(RecordedChange change);

    List<RemediationChange> changes(List<RecordedChange> changes);

    @Mapping(target = "verificationId", source = "id")
    RemediationVerification verification(Verification verification);

    List<RemediationVerification> verifications(List<Verification> verifications);

    @Mapping(target = "remediation", source = ".")
    RemediationDetails details(Remediation remediation);
}

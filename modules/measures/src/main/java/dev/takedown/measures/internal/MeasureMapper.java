package dev.takedown.measures.internal;

import dev.takedown.events.ScreeningRule;
import dev.takedown.measures.MeasureView;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/**
 * A measure as the API shows it, with what the platform answered (null before the first command); the stored rule
 * arrives already read, since the entity keeps it as JSON.
 */
@Mapper
public interface MeasureMapper {

    @Mapping(target = "measureId", source = "measure.id")
    @Mapping(target = "rule", source = "rule")
    @Mapping(target = "status", source = "measure.status")
    @Mapping(target = "enforcement", source = "enforcement.state")
    @Mapping(target = "enforcedAt", source = "enforcement.enforcedAt")
    @Mapping(target = "liftEnforcedAt", source = "enforcement.liftEnforcedAt")
    // whose content a measure restricts is no one's business but the uploader's: only an account measure names it
    @Mapping(
            target = "accountId",
            expression = "java(measure.getType().actsOnAccount() ? measure.getAccountId() : null)")
    MeasureView view(Measure measure, ScreeningRule rule, Enforcement enforcement);
}

package dev.takedown.measures.internal;

import dev.takedown.events.ScreeningRule;
import dev.takedown.measures.MeasureView;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** A measure as the API shows it; the stored rule arrives already read, since the entity keeps it as JSON. */
@Mapper
public interface MeasureMapper {

    @Mapping(target = "measureId", source = "measure.id")
    @Mapping(target = "rule", source = "rule")
    MeasureView view(Measure measure, ScreeningRule rule);
}

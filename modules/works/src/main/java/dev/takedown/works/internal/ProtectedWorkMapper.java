package dev.takedown.works.internal;

import dev.takedown.works.ProtectedWork;
import org.mapstruct.InjectionStrategy;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** A registered work as the registry's API shows it: its id as text, its stored definition read back. */
@Mapper(uses = DefinitionJson.class, injectionStrategy = InjectionStrategy.CONSTRUCTOR)
public interface ProtectedWorkMapper {

    @Mapping(target = "workId", source = "id")
    ProtectedWork work(ProtectedWorkEntity entity);
}

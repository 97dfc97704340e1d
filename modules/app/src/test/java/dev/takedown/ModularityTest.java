package dev.takedown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries are real: no cycles, nobody reaches into another module's internal packages. */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(TakedownApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void everyCapabilityIsAModule() {
        assertThat(MODULES.stream().map(ApplicationModule::getName))
                .contains(
                        "events", "notices", "measures", "workflow", "review", "screening", "audit", "evidence", "app");
    }

    @Test
    void onlyTheWorkflowModuleKnowsCamunda() {
        MODULES.stream()
                .filter(module -> !module.getName().equals("workflow"))
                .forEach(module -> assertThat(module.getBasePackage().stream()
                                .flatMap(type -> type.getDirectDependenciesFromSelf().stream())
                                .map(dependency -> dependency.getTargetClass().getPackageName()))
                        .as(module.getName())
                        .noneMatch(name -> name.startsWith("org.camunda")));
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}

package dev.takedown;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.takedown.notices.CaseLifecycle;
import dev.takedown.notices.internal.Notice;
import dev.takedownfixture.reach.ReachApplication;
import dev.takedownfixture.undeclared.UndeclaredApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.KafkaListeners;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * Module boundaries are real: the exact set of modules, each using only the modules it declares (no cycles, nobody
 * reaching into another module's internals), and the house rules below. The fixtures in {@code dev.takedownfixture}
 * break each kind of rule once, to show that the checks fail on a violation.
 */
class ModularityTest {

    /** The shared test fixtures (modules/testing) sit under dev.takedown on the test classpath, but are no module. */
    private static final ApplicationModules MODULES = ApplicationModules.of(
            TakedownApplication.class, JavaClass.Predicates.resideInAPackage("dev.takedown.testing.."));

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.takedown");

    /** Test classes too: the fixtures live there. */
    private static final ImportOption FIXTURES = location -> true;

    static final ArchRule ONLY_WORKFLOW_KNOWS_CAMUNDA = noClasses()
            .that()
            .resideOutsideOfPackage("dev.takedown.workflow..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.camunda..")
            .as("only workflow depends on org.camunda");

    static final ArchRule NO_CAMUNDA_INTERNALS = noClasses()
            .that()
            .resideOutsideOfPackage("dev.takedown.workflow..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.camunda..impl..")
            .as("nothing outside workflow touches Camunda's impl packages");

    private static final DescribedPredicate<JavaClass> KAFKA_LISTENERS = DescribedPredicate.describe(
            "use @KafkaListener",
            type -> isListener(type)
                    || type.getMethods().stream()
                            .anyMatch(method -> method.isAnnotatedWith(KafkaListener.class)
                                    || method.isAnnotatedWith(KafkaListeners.class)));

    static final ArchRule LISTENERS_IN_MESSAGING = classes()
            .that(KAFKA_LISTENERS)
            .should()
            .resideInAPackage("..messaging..")
            .as("classes using @KafkaListener reside in a messaging package");

    /** The methods of the case aggregate that change its status, history or decisions. */
    private static final Set<String> CASE_CHANGES = Set.of("moveTo", "join", "cure", "note", "decide", "markNotified");

    static final ArchRule ONLY_THE_LIFECYCLE_CHANGES_CASES = noClasses()
            .that()
            .doNotBelongToAnyOf(CaseLifecycle.class)
            .and()
            .resideOutsideOfPackage("dev.takedown.notices.internal..")
            .should()
            .callMethodWhere(DescribedPredicate.describe(
                    "a method of Notice that changes the case",
                    call -> call.getTargetOwner().isEquivalentTo(Notice.class)
                            && CASE_CHANGES.contains(call.getName())))
            .as("only CaseLifecycle changes a case's status, history and decisions");

    static final ArchRule NO_VAGUE_NAMES = noClasses()
            .should()
            .haveSimpleNameEndingWith("Manager")
            .orShould()
            .haveSimpleNameEndingWith("Helper")
            .orShould()
            .haveSimpleNameEndingWith("Util")
            .orShould()
            .haveSimpleNameEndingWith("Utils")
            .as("no class is named *Manager, *Helper, *Util or *Utils");

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void everyCapabilityIsAModule() {
        assertThat(MODULES.stream().map(ApplicationModule::getName))
                .containsExactlyInAnyOrder(
                        "kernel",
                        "events",
                        "evidence",
                        "screening",
                        "works",
                        "misuse",
                        "notifiers",
                        "notices",
                        "aigc",
                        "measures",
                        "remediation",
                        "workflow",
                        "review",
                        "audit",
                        "correspondence",
                        "app");
    }

    @Test
    void onlyTheWorkflowModuleKnowsCamunda() {
        ONLY_WORKFLOW_KNOWS_CAMUNDA.check(CLASSES);
        NO_CAMUNDA_INTERNALS.check(CLASSES);
    }

    @Test
    void kafkaListenersLiveInMessagingPackages() {
        LISTENERS_IN_MESSAGING.check(CLASSES);
    }

    @Test
    void onlyTheLifecycleChangesACase() {
        ONLY_THE_LIFECYCLE_CHANGES_CASES.check(CLASSES);
    }

    @Test
    void namesSayWhatClassesDo() {
        NO_VAGUE_NAMES.check(CLASSES);
    }

    @Test
    void verificationFailsOnAReachIntoAnotherModulesInternals() {
        ApplicationModules fixture = ApplicationModules.of(ReachApplication.class, FIXTURES);

        assertThat(fixture.stream().map(ApplicationModule::getName)).containsExactlyInAnyOrder("alpha", "beta");
        assertThatThrownBy(fixture::verify)
                .isInstanceOf(Violations.class)
                .hasMessageContaining("Module 'beta' depends on non-exposed type")
                .hasMessageContaining("AlphaSecret");
    }

    @Test
    void verificationFailsOnAnUndeclaredDependency() {
        ApplicationModules fixture = ApplicationModules.of(UndeclaredApplication.class, FIXTURES);

        assertThat(fixture.stream().map(ApplicationModule::getName)).containsExactlyInAnyOrder("gamma", "delta");
        assertThatThrownBy(fixture::verify)
                .isInstanceOf(Violations.class)
                .hasMessageContaining("Module 'delta' depends on module 'gamma'");
    }

    @Test
    void theHouseRulesFailOnAViolation() {
        JavaClasses fixture = new ClassFileImporter().importPackages("dev.takedownfixture.archunit");

        assertThatThrownBy(() -> LISTENERS_IN_MESSAGING.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("StrayListener");
        assertThatThrownBy(() -> NO_VAGUE_NAMES.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ReportHelper");
        assertThatThrownBy(() -> ONLY_THE_LIFECYCLE_CHANGES_CASES.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("StrayCaseWriter");
    }

    /** C4 component diagrams and module canvases into the repository's docs/modules, the same on every run. */
    @Test
    void writesModuleDocumentation() throws IOException {
        Path docs = repositoryRoot().resolve("docs/modules");

        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(docs.toString())).writeDocumentation();
        try (Stream<Path> files = Files.list(docs)) {
            for (Path file : files.toList()) {
                Files.writeString(file, inStableOrder(Files.readString(file)));
            }
        }

        assertThat(docs.resolve("components.puml")).exists();
    }

    @Test
    void documentationListsAreSorted() {
        assertThat(inStableOrder("|Events\n|* `b`\n* `a`\n|===\nRel(b)\nRel(a)"))
                .isEqualTo("|Events\n|* `a`\n* `b`\n|===\nRel(a)\nRel(b)");
    }

    /**
     * The Documenter writes relations, components and list items in the order their classes were imported, which
     * differs between a build on class directories and one on jars; sorted, the files only change with the modules.
     */
    static String inStableOrder(String document) {
        List<String> lines = List.of(document.split("\n", -1));
        List<String> ordered = new ArrayList<>();
        for (int start = 0; start < lines.size(); ) {
            String kind = kind(lines.get(start));
            int end = start + 1;
            while (kind != null && end < lines.size() && kind.equals(continuation(lines.get(end)))) {
                end++;
            }
            List<String> block = new ArrayList<>(lines.subList(start, end));
            if (kind != null) {
                boolean cell = block.get(0).startsWith("|");
                block.set(0, cell ? block.get(0).substring(1) : block.get(0));
                Collections.sort(block);
                block.set(0, cell ? "|" + block.get(0) : block.get(0));
            }
            ordered.addAll(block);
            start = end;
        }
        return String.join("\n", ordered);
    }

    private static String kind(String line) {
        return line.startsWith("|* ") ? "item" : continuation(line);
    }

    private static String continuation(String line) {
        if (line.startsWith("Rel(")) {
            return "relation";
        }
        if (line.startsWith("  Component(")) {
            return "component";
        }
        return line.startsWith("* ") ? "item" : null;
    }

    private static boolean isListener(JavaClass type) {
        return type.isAnnotatedWith(KafkaListener.class) || type.isAnnotatedWith(KafkaListeners.class);
    }

    /** The test runs in modules/app; the repository root is the first directory up that holds the Maven wrapper. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("docs"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no repository root above " + Path.of("").toAbsolutePath());
    }
}

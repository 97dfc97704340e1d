package dev.takedown.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.takedown.events.LiftCause;
import dev.takedown.events.MeasureApplied;
import dev.takedown.events.MeasureLifted;
import dev.takedown.events.ScreeningRule;
import dev.takedown.events.SimilarUploads;
import dev.takedown.measures.internal.EnforcementRepository;
import dev.takedown.measures.internal.Measure;
import dev.takedown.measures.internal.MeasureMapperImpl;
import dev.takedown.measures.internal.MeasureRepository;
import dev.takedown.measures.internal.Strikes;
import dev.takedown.misuse.Misuse;
import dev.takedown.misuse.Party;
import dev.takedown.misuse.Standing;
import dev.takedown.misuse.StandingStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

class MeasuresTest {

    private final MeasureRepository repository = mock(MeasureRepository.class);
    private final List<Object> published = new ArrayList<>();
    private final Strikes strikes = mock(Strikes.class);
    private final Misuse misuse = mock(Misuse.class);
    private final Measures measures = new Measures(
            repository,
            strikes,
            misuse,
            published::add,
            new ObjectMapper().registerModule(new JavaTimeModule()),
            Clock.systemUTC(),
            List.of(caseId -> caseId.equals("held") ? Optional.of("a counter-notice is pending") : Optional.empty()),
            new MeasureMapperImpl(),
            mock(EnforcementRepository.class));
    private final ScreeningRule rule = new ScreeningRule(
            "Ultraman", List.of("奥特曼", "Ultraman"), List.of(), List.of("licensee-1"), List.of(), List.of("画一个奥特曼"));

    @Test
    void plansTargetMeasuresPerTargetAndFiltersOncePerCase() {
        when(repository.saveAll(anyList())).thenAnswer(call -> call.getArgument(0));

        var planned = measures.plan(
                "c1",
                "d1",
                List.of(MeasureType.DELETE, MeasureType.PROMPT_FILTER, MeasureType.DELETE),
                List.of(new MeasureTarget("https://a.test/1", "acc-1"), new MeasureTarget("https://a.test/2", null)),
                rule,
                "mod",
                false);

        assertThat(planned).hasSize(3).allMatch(m -> m.status() == MeasureStatus.PLANNED);
        assertThat(planned)
                .filteredOn(m -> m.type() == MeasureType.PROMPT_FILTER)
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.targetUrl()).isNull();
                    assertThat(m.rule()).isEqualTo(rule);
                });
    }

    @Test
    void aLabelOnContentDeclaredAiGeneratedWithoutAVerifiedLabelCarriesTheTextTheLabellingMeasuresPrescribe() {
        List<Measure> saved = new ArrayList<>();
        when(repository.saveAll(anyList())).thenAnswer(call -> {
            saved.addAll(call.getArgument(0));
            return call.getArgument(0);
        });
        measures.plan(
                "c1",
                "d1",
                List.of(MeasureType.LABEL, MeasureType.DELETE),
                List.of(
                        new MeasureTarget("https://gen.example/o/declared", "acc-1", null, null, true, false),
                        new MeasureTarget("https://gen.example/o/verified", "acc-1", null, null, true, true),
                        new MeasureTarget("https://gen.example/o/undeclared", "acc-1", null, null, false, false)),
                null,
                "mod",
                false);
        when(repository.findByCaseIdOrderByPlannedAt("c1")).thenReturn(saved);

        measures.applyPlanned("c1");

        Map<String, Map<String, String>> labelTexts = new HashMap<>();
        published.stream()
                .filter(MeasureApplied.class::isInstance)
                .map(MeasureApplied.class::cast)
                .filter(applied -> applied.type().equals("LABEL"))
                .forEach(applied -> labelTexts.put(applied.targetUrl(), applied.labelTexts()));
        // Art. 6(2): declared by the uploader, no implicit label verified in the metadata: "may be" AI-generated
        assertThat(labelTexts.get("https://gen.example/o/declared"))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("zh-CN", "该内容可能为生成合成内容", "en", "This content may be AI-generated"));
        // a verified implicit label, or no declaration, prescribes no text of ours
        assertThat(labelTexts).containsEntry("https://gen.example/o/verified", null);
        assertThat(labelTexts).containsEntry("https://gen.example/o/undeclared", null);
        assertThat(published)
                .filteredOn(MeasureApplied.class::isInstance)
                .map(MeasureApplied.class::cast)
                .filteredOn(applied -> applied.type().equals("DELETE"))
                .hasSize(3)
                .allMatch(applied -> applied.labelTexts() == null);
    }

    @Test
    void aLabelPublishedAgainCarriesItsTextAgain() {
        Measure label = new Measure(
                        UUID.randomUUID(),
                        "c1",
                        "d1",
                        MeasureType.LABEL,
                        "https://gen.example/o/1",
                        null,
                        null,
                        "mod",
                        Instant.now())
                .withExplicitLabel(ExplicitLabel.MAY_BE_AI_GENERATED);
        label.apply(Instant.now(), UUID.randomUUID());
        when(repository.findById(label.getId())).thenReturn(Optional.of(label));

        assertThat(measures.publishAgain(label.getId().toString(), label.getVersion()))
                .isTrue();

        assertThat(((MeasureApplied) published.get(0)).labelTexts())
                .containsEntry("zh-CN", "该内容可能为生成合成内容")
                .containsEntry("en", "This content may be AI-generated");
    }

    @Test
    void aReuploadBlockTellsScreeningTheModelNameAndWhatItsProfileAnswersForSimilarUploads() {
        List<Measure> saved = new ArrayList<>();
        when(repository.saveAll(anyList())).thenAnswer(call -> {
            List<Measure> planned = call.getArgument(0);
            saved.addAll(planned);
            return planned;
        });
        measures.plan(
                "c1",
                "d1",
                List.of(MeasureType.BLOCK_REUPLOAD),
                List.of(new MeasureTarget(
                        "https://a.test/m/1", "acc-1", "a".repeat(64), "Ultraman Tiga LoRA", false, false)),
                null,
                "mod",
                false,
                SimilarUploads.BLOCK);
        when(repository.findByCaseIdOrderByPlannedAt("c1")).thenReturn(saved);

        measures.applyPlanned("c1");

        assertThat(published)
                .filteredOn(MeasureApplied.class::isInstance)
                .singleElement()
                .satisfies(event -> {
                    MeasureApplied applied = (MeasureApplied) event;
                    assertThat(applied.fileSha256()).isEqualTo("a".repeat(64));
                    assertThat(applied.modelName()).isEqualTo("Ultraman Tiga LoRA");
                    assertThat(applied.similarUploads()).isEqualTo(SimilarUploads.BLOCK);
                });
    }

    @Test
    void aFilterWithoutRuleIsRefused() {
        assertThatThrownBy(() ->
                        measures.plan("c1", "d1", List.of(MeasureType.PROMPT_FILTER), List.of(), null, "mod", false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void applyingTwicePublishesOnceAndCarriesTheRule() {
        Measure target = new Measure(
                UUID.randomUUID(),
                "c1",
                "d1",
                MeasureType.DELETE,
                "https://a.test/1",
                null,
                null,
                "mod",
                Instant.now());
        Measure filter = new Measure(
                UUID.randomUUID(),
                "c1",
                "d1",
                MeasureType.PROMPT_FILTER,
                null,
                null,
                "{\"workTitle\":\"Ultraman\",\"terms\":[\"奥特曼\"]}",
                "mod",
                Instant.now());
        when(repository.findByCaseIdOrderByPlannedAt("c1")).thenReturn(List.of(target, filter));

        assertThat(measures.applyPlanned("c1")).isEqualTo(2);
        assertThat(measures.applyPlanned("c1")).isEqualTo(2);

        assertThat(published).hasSize(2).allMatch(MeasureApplied.class::isInstance);
        MeasureApplied filterApplied = (MeasureApplied) published.get(1);
        assertThat(filterApplied.rule().terms()).containsExactly("奥特曼");
        assertThat(((MeasureApplied) published.get(0)).rule()).isNull();
    }

    @Test
    void everyMeasureOfADecisionRestrictsWhereAndAsLongAsTheModeratorChoseAndItsRecordSaysSo() {
        when(repository.saveAll(anyList())).thenAnswer(call -> call.getArgument(0));
        MeasureScope scope = new MeasureScope(List.of("DE", "AT"), LocalDate.parse("2026-06-30"));

        measures.plan(
                "c1",
                "d1",
                List.of(MeasureType.GEO_BLOCK, MeasureType.PROMPT_FILTER),
                List.of(new MeasureTarget("https://a.test/1", null)),
                rule,
                "mod",
                false,
                SimilarUploads.REVIEW,
                scope);
        @SuppressWarnings("unchecked")
        org.mockito.ArgumentCaptor<List<Measure>> saved = org.mockito.ArgumentCaptor.forClass(List.class);
        verify(repository).saveAll(saved.capture());
        assertThat(saved.getValue()).extracting(Measure::scope).containsOnly(scope);

        when(repository.findByCaseIdOrderByPlannedAt("c1")).thenReturn(saved.getValue());
        assertThat(measures.scopeInEffect("c1")).as("nothing applied yet").isEmpty();
        measures.applyPlanned("c1");

        assertThat(published).hasSize(2).allSatisfy(event -> {
            assertThat(((MeasureApplied) event).countries()).containsExactly("DE", "AT");
            assertThat(((MeasureApplied) event).endsOn()).isEqualTo(LocalDate.parse("2026-06-30"));
        });
        assertThat(measures.scopeInEffect("c1")).contains(scope);
        assertThat(measures.restrictions("c1"))
                .as("what the statements of reasons read: each measure, where, until when, in effect")
                .extracting(
                        MeasureRestriction::type,
                        MeasureRestriction::targetUrl,
                        MeasureRestriction::status,
                        MeasureRestriction::scope,
                        MeasureRestriction::liftCause)
                .containsExactly(
                        tuple(MeasureType.GEO_BLOCK, "https://a.test/1", MeasureStatus.APPLIED, scope, null),
                        tuple(MeasureType.PROMPT_FILTER, null, MeasureStatus.APPLIED, scope, null));

        published.clear();
        measures.widenFilters("c1", List.of("Ultraman Tiga"), "owner");
        assertThat(measures.restrictions("c1"))
                .filteredOn(restriction -> restriction.status() == MeasureStatus.LIFTED)
                .singleElement()
                .satisfies(replaced -> assertThat(replaced.liftCause()).isEqualTo(LiftCause.SUPERSEDED));
        assertThat(published)
                .filteredOn(MeasureApplied.class::isInstance)
                .singleElement()
                .satisfies(widened -> assertThat(((MeasureApplied) widened).countries())
                        .as("a widened filter keeps the scope of the one it replaces")
                        .containsExactly("DE", "AT"));
    }

    @Test
    void theScopeOfSeveralMeasuresIsTheirWidestReach() {
        MeasureScope de = new MeasureScope(List.of("DE"), LocalDate.parse("2026-06-30"));
        MeasureScope at = new MeasureScope(List.of("AT"), LocalDate.parse("2026-09-30"));

        assertThat(MeasureScope.widest(List.of(de, at)))
                .isEqualTo(new MeasureScope(List.of("DE", "AT"), LocalDate.parse("2026-09-30")));
        assertThat(MeasureScope.widest(List.of(de, MeasureScope.WORLDWIDE_UNTIL_FURTHER_NOTICE)))
                .isEqualTo(MeasureScope.WORLDWIDE_UNTIL_FURTHER_NOTICE);
        assertThatThrownBy(() -> new MeasureScope(List.of("Germany"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void liftingTwicePublishesOnceAndALiftedMeasureIsNotReapplied() {
        Measure measure = new Measure(
                UUID.randomUUID(),
                "c1",
                "d1",
                MeasureType.DELETE,
                "https://a.test/1",
                null,
                null,
                "mod",
                Instant.now());
        measure.apply(Instant.now(), UUID.randomUUID());
        when(repository.findById(any())).thenReturn(Optional.of(measure));
        when(repository.findByCaseIdOrderByPlannedAt("c1")).thenReturn(List.of(measure));

        measures.lift(measure.getId().toString(), "senior", "restored after counter-notice");
        measures.lift(measure.getId().toString(), "senior", "again");
        int inEffect = measures.applyPlanned("c1");

        assertThat(published).hasSize(1).first().isInstanceOf(MeasureLifted.class);
        assertThat(inEffect).isZero();
    }

    @Test
    void aLiftOvertakenByAnOlderRecordSentAfterItIsPublishedAgainUnchanged() {
        Measure measure = new Measure(
                UUID.randomUUID(), "c1", "d1", MeasureType.PROMPT_FILTER, null, null, "{}", "mod", Instant.now());
        UUID liftId = UUID.randomUUID();
        Instant liftedAt = Instant.parse("2026-12-01T10:00:00Z");
        measure.apply(liftedAt.minusSeconds(60), UUID.randomUUID());
        measure.lift(liftedAt, "senior", LiftCause.BY_HAND, "licence shown", liftId);
        // as flushed: applied 1, lifted 2
        ReflectionTestUtils.setField(measure, "version", 2L);
        when(repository.findById(measure.getId())).thenReturn(Optional.of(measure));
        String id = measure.getId().toString();

        assertThat(measures.restate(id, 1, liftedAt.minusSeconds(60)))
                .as("the original applied record, read again from the log")
                .isFalse();
        assertThat(measures.restate(id, 2, liftedAt.plusSeconds(5)))
                .as("the lift itself")
                .isFalse();
        assertThat(measures.restate("not-a-uuid", 1, liftedAt.plusSeconds(5))).isFalse();
        assertThat(published).isEmpty();

        assertThat(measures.restate(id, 1, liftedAt.plusSeconds(5))).isTrue();
        assertThat(published)
                .singleElement()
                .isEqualTo(new MeasureLifted(
                        liftId,
                        liftedAt,
                        "c1",
                        "senior",
                        id,
                        "licence shown",
                        2L,
                        "BY_HAND",
                        "PROMPT_FILTER",
                        null,
                        null,
                        null));
    }

    @Test
    void aLiftByHandThatAGuardRefusesLeavesTheMeasureApplied() {
        Measure measure = new Measure(
                UUID.randomUUID(),
                "held",
                "d1",
                MeasureType.DELETE,
                "https://a.test/1",
                null,
                null,
                "mod",
                Instant.now());
        measure.apply(Instant.now(), UUID.randomUUID());
        when(repository.findById(any())).thenReturn(Optional.of(measure));

        assertThatThrownBy(() -> measures.lift(measure.getId().toString(), "senior", "looks fine to me"))
                .isInstanceOf(LiftRefusedException.class)
                .hasMessage("a counter-notice is pending");
        assertThat(measure.getStatus()).isEqualTo(MeasureStatus.APPLIED);
        assertThat(published).isEmpty();
    }

    @Test
    void applyingAddsAStrikePerAccountAndLiftingRemovesIt() {
        Measure a = new Measure(
                UUID.randomUUID(),
                "c1",
                "d1",
                MeasureType.DELETE,
                "https://a.test/1",
                "acc-1",
                null,
                "mod",
                Instant.now());
        Measure b = new Measure(
                UUID.randomUUID(),
                "c1",
                "d1",
                MeasureType.GEO_BLOCK,
                "https://a.test/1",
                "acc-1",
                null,
                "mod",
                Instant.now());
        when(repository.findByCaseIdOrderByPlannedAt("c1")).thenReturn(List.of(a, b));
        when(strikes.weightOf(MeasureType.DELETE)).thenReturn(1);
        when(strikes.weightOf(MeasureType.GEO_BLOCK)).thenReturn(2);
        when(strikes.add(
                        org.mockito.ArgumentMatchers.eq("acc-1"),
                        org.mockito.ArgumentMatchers.eq("c1"),
                        org.mockito.ArgumentMatchers.eq(MeasureType.GEO_BLOCK),
                        any()))
                .thenReturn(java.util.OptionalInt.of(2));
        when(strikes.remove(org.mockito.ArgumentMatchers.eq("acc-1"), org.mockito.ArgumentMatchers.eq("c1"), any()))
                .thenReturn(java.util.OptionalInt.of(1));
        Party uploader = Party.uploader("acc-1");
        when(misuse.standing(uploader))
                .thenReturn(new Standing(uploader, StandingStatus.WARNED, Instant.now(), null, "c1", null))
                .thenReturn(Standing.good(uploader));

        measures.applyPlanned("c1");
        int lifted = measures.liftAll("c1", "system", LiftCause.COUNTER_NOTICE, "restored");

        assertThat(lifted).isEqualTo(2);
        // one finding per case on the account's standing, as grave as the gravest measure; lifting withdraws it
        verify(misuse).recordMisuse(uploader, "c1", 2, false);
        verify(misuse).withdraw(uploader, "c1");
        assertThat(published)
                .filteredOn(dev.takedown.events.StrikeRecorded.class::isInstance)
                .extracting(e -> ((dev.takedown.events.StrikeRecorded) e).accountStatus())
                .containsExactly("WARNED", "GOOD_STANDING");
        assertThat(published)
                .filteredOn(MeasureLifted.class::isInstance)
                .hasSize(2)
                .allMatch(e -> "COUNTER_NOTICE".equals(((MeasureLifted) e).cause()));
    }

    @Test
    void aMeasurePastItsLastDayIsLiftedAsExpiredAndItsStrikeStays() {
        Measure ended = new Measure(
                        UUID.randomUUID(),
                        "c1",
                        "d1",
                        MeasureType.GEO_BLOCK,
                        "https://a.test/1",
                        "acc-1",
                        null,
                        "mod",
                        Instant.now())
                .withScope(new MeasureScope(
                        List.of("DE"), LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1)));
        ended.apply(Instant.now(), UUID.randomUUID());
        when(repository.findTop100ByStatusAndStandingChangeIdIsNullAndEndsOnBeforeOrderByEndsOn(
                        MeasureStatus.APPLIED, LocalDate.now(java.time.ZoneOffset.UTC)))
                .thenReturn(List.of(ended));

        assertThat(measures.expireDue()).isEqualTo(1);

        assertThat(ended.getStatus()).isEqualTo(MeasureStatus.LIFTED);
        assertThat(published).singleElement().satisfies(e -> {
            assertThat(((MeasureLifted) e).cause()).isEqualTo("EXPIRY");
            assertThat(((MeasureLifted) e).actor()).isEqualTo("system");
        });
        verify(strikes, never()).remove(any(), any(), any());
        verify(misuse, never()).withdraw(any(), any());
    }

    @Test
    void unknownMeasureIsNotFound() {
        assertThatThrownBy(() -> measures.find("not-a-uuid")).isInstanceOf(MeasureNotFoundException.class);
    }
}

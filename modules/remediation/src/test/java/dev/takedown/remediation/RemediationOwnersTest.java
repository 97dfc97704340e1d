package dev.takedown.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.takedown.notices.CaseTarget;
import dev.takedown.notices.TargetType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who must remedy: the owner of the model or service the case's targets name, else the default owner. */
class RemediationOwnersTest {

    private final RemediationSettings.Owners owners = new RemediationSettings.Owners(
            "org-platform",
            Map.of("partner-diffusion-xl", "org-partner"),
            Map.of("Partner-Gen.example", "org-partner", "gen.example", "org-platform"));

    @Test
    void aModelOrLoraTargetIsOwnedByItsModelsOwner() {
        assertThat(owners.ownerOf(List.of(target("MODEL", "https://hub.example/m/1", "partner-diffusion-xl"))))
                .isEqualTo("org-partner");
        assertThat(owners.ownerOf(List.of(target("LORA", "https://hub.example/l/1", " partner-diffusion-xl "))))
                .isEqualTo("org-partner");
        assertThat(owners.ownerOf(List.of(target("MODEL", "https://partner-gen.example/m", "unknown-model"))))
                .as("a model is owned by its id, not by where it is hosted")
                .isEqualTo("org-platform");
    }

    @Test
    void generatedOutputAndPromptPatternsAreOwnedByTheServicesOwnerSubdomainsIncluded() {
        assertThat(owners.ownerOf(List.of(target("GENERATED_OUTPUT", "https://PARTNER-GEN.example/img/1", null))))
                .isEqualTo("org-partner");
        assertThat(owners.ownerOf(List.of(target("PROMPT_PATTERN", "https://cdn.partner-gen.example/p", null))))
                .isEqualTo("org-partner");
        assertThat(owners.ownerOf(List.of(target("GENERATED_OUTPUT", "https://other.example/img/1", null))))
                .isEqualTo("org-platform");
    }

    @Test
    void theFirstTargetThatNamesAnOwnerDecidesOtherwiseTheDefaultOwner() {
        assertThat(owners.ownerOf(List.of(
                        target("URL", "https://partner-gen.example/page", null),
                        target("GENERATED_OUTPUT", "not a url", null),
                        target("MODEL", "https://hub.example/m", "partner-diffusion-xl"))))
                .as("a plain URL names no service; an unreadable URL none either")
                .isEqualTo("org-partner");
        assertThat(owners.ownerOf(List.of())).isEqualTo("org-platform");
        assertThat(new RemediationSettings.Owners(null, null, null).ownerOf(List.of()))
                .isEqualTo("org-platform");
    }

    @Test
    void theBenignShareIsAShare() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RemediationSettings(null, null, null, 1.5, null))
                .withMessageContaining("max-benign-block-share");
        assertThat(new RemediationSettings(null, null, null, null, null).maxBenignBlockShare())
                .isEqualTo(0.005);
    }

    private static CaseTarget target(String type, String url, String modelId) {
        return new CaseTarget(url, null, TargetType.valueOf(type), null, null, modelId, null);
    }
}

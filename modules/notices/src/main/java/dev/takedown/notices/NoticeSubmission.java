package dev.takedown.notices;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.takedown.events.ClaimType;
import java.util.List;
import java.util.Optional;

/**
 * A notice as filed (legal-requirements §6.1). Every field is optional at this level: which ones a notice
 * needs is decided by its jurisdiction profiles, so that one answer can name every missing element.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NoticeSubmission(
        List<String> jurisdictionProfiles,
        String language,
        Notifier notifier,
        RightsHolder rightsHolder,
        Signature signature,
        Claim claim,
        List<Work> works,
        List<Target> targets,
        List<Evidence> evidence,
        String explanation,
        List<String> requestedMeasures,
        Attestations attestations,
        Boolean csamFlag,
        CreationEvidence creationEvidence) {

    public NoticeSubmission(
            List<String> jurisdictionProfiles,
            String language,
            Notifier notifier,
            RightsHolder rightsHolder,
            Signature signature,
            Claim claim,
            List<Work> works,
            List<Target> targets,
            List<Evidence> evidence,
            String explanation,
            List<String> requestedMeasures,
            Attestations attestations,
            Boolean csamFlag) {
        this(
                jurisdictionProfiles,
                language,
                notifier,
                rightsHolder,
                signature,
                claim,
                works,
                targets,
                evidence,
                explanation,
                requestedMeasures,
                attestations,
                csamFlag,
                null);
    }

    public NoticeSubmission(
            List<String> jurisdictionProfiles,
            String language,
            Notifier notifier,
            RightsHolder rightsHolder,
            Signature signature,
            Claim claim,
            List<Work> works,
            List<Target> targets,
            List<Evidence> evidence,
            String explanation,
            List<String> requestedMeasures,
            Attestations attestations) {
        this(
                jurisdictionProfiles,
                language,
                notifier,
                rightsHolder,
                signature,
                claim,
                works,
                targets,
                evidence,
                explanation,
                requestedMeasures,
                attestations,
                null);
    }

    public NoticeSubmission {
        jurisdictionProfiles = jurisdictionProfiles == null ? List.of() : List.copyOf(jurisdictionProfiles);
        works = works == null ? List.of() : works;
        targets = targets == null ? List.of() : targets;
        evidence = evidence == null ? List.of() : evidence;
        requestedMeasures = requestedMeasures == null ? List.of() : requestedMeasures;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Notifier(
            String type,
            String legalName,
            String email,
            String phone,
            String postalAddress,
            String country,
            IdentityDocument identityDocument,
            String trustedFlaggerId) {

        public Notifier(
                String type,
                String legalName,
                String email,
                String phone,
                String postalAddress,
                String country,
                IdentityDocument identityDocument) {
            this(type, legalName, email, phone, postalAddress, country, identityDocument, null);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record IdentityDocument(String type, String number) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RightsHolder(String name) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Signature(String type, String value, String signedAt) {}

    /**
     * What the notice claims: the rights ({@link dev.takedown.events.ClaimType}, e.g. {@code COPYRIGHT_REPRODUCTION};
     * one or several, a single value is read as one), the area it is about (a Transparency
     * Database category, e.g. {@code INTELLECTUAL_PROPERTY_INFRINGEMENTS}; implied by the right when not given), and
     * for an authority's order the legal basis it is issued under.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Claim(
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            List<String> rightType,

            String category,
            String legalBasis) {

        public Claim {
            rightType = rightType == null
                    ? List.of()
                    : rightType.stream().filter(r -> r != null && !r.isBlank()).toList();
        }

        /** The claimed rights of the vocabulary, in the order given, each once. */
        public List<ClaimType> claimTypes() {
            return rightType.stream()
                    .map(ClaimType::parse)
                    .flatMap(Optional::stream)
                    .distinct()
                    .toList();
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Work(String title, List<String> protectedTerms, String registeredWorkId) {

        public Work(String title, List<String> protectedTerms) {
            this(title, protectedTerms, null);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    /**
     * Where the material is, plus what identifies it beyond a URL for AIGC targets: a generated output's ProduceID
     * (GB 45438-2025), a model or LoRA file's SHA-256 (its re-upload is blocked by hash), a model id, a training
     * dataset and item id; when a generated output was generated (ISO-8601), to show which risk warning its
     * uploader had seen by then; and what the uploader declared on publishing it ({@link UploaderDeclaration}).
     */
    public record Target(
            String type,
            String url,
            String accountId,
            String produceId,
            String sha256,
            String modelId,
            String datasetId,
            String itemId,
            String generatedAt,
            String uploaderDeclaration) {

        public Target(
                String type,
                String url,
                String accountId,
                String produceId,
                String sha256,
                String modelId,
                String datasetId,
                String itemId,
                String generatedAt) {
            this(type, url, accountId, produceId, sha256, modelId, datasetId, itemId, generatedAt, null);
        }

        public Target(String type, String url, String accountId) {
            this(type, url, accountId, null, null, null, null, null, null);
        }

        public Target(String type, String url) {
            this(type, url, null);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Evidence(String kind, String url, String description, String sha256) {}

    /**
     * How an AI-assisted work was made, for an author claiming attribution and dissemination rights in it (Beijing
     * Internet Court, <i>Spring Breeze</i>, 2023): the prompts, parameters and seeds, the iteration history, where it
     * was first posted and its watermark.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CreationEvidence(
            List<String> prompts,
            String parameters,
            List<String> seeds,
            List<String> iterationHistory,
            String originalPostUrl,
            String watermark) {

        public CreationEvidence {
            prompts = prompts == null ? List.of() : prompts;
            seeds = seeds == null ? List.of() : seeds;
            iterationHistory = iterationHistory == null ? List.of() : iterationHistory;
        }

        /** Whether anything was given at all: an empty object is not a claim of AI-assisted authorship. */
        public boolean isPresent() {
            return !prompts.isEmpty()
                    || !seeds.isEmpty()
                    || !iterationHistory.isEmpty()
                    || parameters != null && !parameters.isBlank()
                    || originalPostUrl != null && !originalPostUrl.isBlank()
                    || watermark != null && !watermark.isBlank();
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Attestations(
            Boolean goodFaith,
            Boolean accuracyAuthorityPerjury,
            Boolean bonaFideAccurateComplete,
            Boolean truthfulnessResponsibility) {}
}

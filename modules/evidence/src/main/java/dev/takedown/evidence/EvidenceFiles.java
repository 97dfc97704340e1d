package dev.takedown.evidence;

import dev.takedown.evidence.EvidenceRefusedException.Reason;
import dev.takedown.evidence.internal.ContentStore;
import dev.takedown.evidence.internal.ContentTypes;
import dev.takedown.evidence.internal.DisplayNames;
import dev.takedown.evidence.internal.EvidenceLinks;
import dev.takedown.evidence.internal.EvidenceProperties;
import dev.takedown.evidence.internal.ZipInspector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evidence files of a case. Callers decide who may store and read (the case's tenancy rule, through
 * {@link EvidenceCases}); this module decides what may be kept: at most {@link EvidenceLimits} files and bytes, types
 * detected from the content on an allowlist, ZIPs only when safe to extract. An upload is all or nothing: every file
 * is staged, hashed and checked before the first one is linked.
 */
@Service
public class EvidenceFiles {

    private static final Logger log = LoggerFactory.getLogger(EvidenceFiles.class);

    /** One file of an upload: the name its sender declared and a way to read its bytes (once). */
    public record Upload(String declaredFilename, Source content) {}

    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    private final ContentStore store;
    private final ContentTypes types;
    private final ZipInspector zips;
    private final EvidenceLinks links;
    private final EvidenceProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    EvidenceFiles(
            ContentStore store,
            ContentTypes types,
            ZipInspector zips,
            EvidenceLinks links,
            EvidenceProperties properties,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.store = store;
        this.types = types;
        this.zips = zips;
        this.links = links;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public EvidenceLimits limits() {
        return new EvidenceLimits(
                properties.maxFileSize().toBytes(), properties.maxFilesPerRequest(), properties.maxFilesPerCase());
    }

    public StoredEvidence store(String caseId, String uploader, String declaredFilename, InputStream content) {
        return storeAll(caseId, uploader, List.of(new Upload(declaredFilename, () -> content)))
                .get(0);
    }

    /**
     * Links every file to the case, or none of them.
     *
     * @throws EvidenceRefusedException naming the field at fault; nothing was linked
     * @throws IllegalArgumentException if {@code caseId} is not a case id
     */
    public List<StoredEvidence> storeAll(String caseId, String uploader, List<Upload> uploads) {
        UUID caseUuid = UUID.fromString(caseId);
        if (uploads == null || uploads.isEmpty()) {
            throw new EvidenceRefusedException(Reason.EMPTY, "file", "send at least one file");
        }
        if (uploads.size() > properties.maxFilesPerRequest()) {
            throw new EvidenceRefusedException(
                    Reason.TOO_MANY, "file", "at most " + properties.maxFilesPerRequest() + " files per request");
        }
        refuseIfCaseFull(links.count(caseUuid), uploads.size());
        List<Checked> checked = new ArrayList<>();
        try {
            for (int i = 0; i < uploads.size(); i++) {
                checked.add(check(uploads.get(i), uploads.size() == 1 ? "file" : "file[" + i + "]"));
            }
            return link(caseUuid, uploader, checked);
        } finally {
            checked.forEach(c -> store.discard(c.staged()));
        }
    }

    public List<StoredEvidence> list(String caseId) {
        return caseUuid(caseId).map(links::list).orElse(List.of());
    }

    /** The file if it is linked to this case and still on disk. */
    public Optional<EvidenceContent> open(String caseId, String sha256) {
        Optional<UUID> caseUuid = caseUuid(caseId);
        if (caseUuid.isEmpty() || sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        return links.find(caseUuid.get(), sha256).flatMap(evidence -> {
            Path file = store.pathOf(sha256);
            if (!Files.isRegularFile(file)) {
                log.error("Evidence {} of case {} is recorded but missing from the store", sha256, caseId);
                return Optional.empty();
            }
            return Optional.of(new EvidenceContent(evidence, new FileSystemResource(file)));
        });
    }

    private record Checked(ContentStore.Staged staged, String mediaType, String displayName) {}

    private Checked check(Upload upload, String field) {
        long max = properties.maxFileSize().toBytes();
        ContentStore.Staged staged;
        try (InputStream in = upload.content().open()) {
            staged = store.stage(in, max);
        } catch (ContentStore.TooLargeException tooLarge) {
            throw new EvidenceRefusedException(Reason.TOO_LARGE, field, "each file may have at most " + max + " bytes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            if (staged.size() == 0) {
                throw new EvidenceRefusedException(Reason.EMPTY, field, "the file is empty");
            }
            String type = types.detect(staged.file());
            if (!ContentTypes.allowed(type)) {
                throw new EvidenceRefusedException(
                        Reason.TYPE_REFUSED,
                        field,
                        "its content is " + type
                                + ", which is not accepted (PNG, JPEG, WebP, GIF, PDF, plain text or ZIP)");
            }
            if (ContentTypes.ZIP.equals(type)) {
                zips.inspect(staged.file());
            }
            return new Checked(staged, type, DisplayNames.clean(upload.declaredFilename()));
        } catch (ZipInspector.UnsafeArchiveException unsafe) {
            store.discard(staged);
            throw new EvidenceRefusedException(Reason.UNSAFE_ARCHIVE, field, "unsafe ZIP: " + unsafe.getMessage());
        } catch (IOException e) {
            store.discard(staged);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            store.discard(staged);
            throw e;
        }
    }

    /**
     * Records the links in one transaction. Content moved into place stays there even if the transaction rolls back:
     * deleting it could race with a concurrent upload of the same bytes that is about to link it, and an unlinked
     * content-addressed file costs only disk space.
     */
    private List<StoredEvidence> link(UUID caseId, String uploader, List<Checked> checked) {
        Instant now = clock.instant();
        return transactions.execute(tx -> {
            links.lockCase(caseId);
            refuseIfCaseFull(links.count(caseId), checked.size());
            List<StoredEvidence> stored = new ArrayList<>();
            for (Checked c : checked) {
                String sha = c.staged().sha256();
                links.link(caseId, sha, c.mediaType(), c.staged().size(), c.displayName(), uploader, now);
                try {
                    store.commit(c.staged());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                stored.add(new StoredEvidence(sha, c.mediaType(), c.staged().size(), c.displayName(), uploader, now));
            }
            return stored;
        });
    }

    private void refuseIfCaseFull(int existing, int adding) {
        if (existing + adding > properties.maxFilesPerCase()) {
            throw new EvidenceRefusedException(
                    Reason.TOO_MANY,
                    "file",
                    "a case holds at most " + properties.maxFilesPerCase() + " files; it has " + existing);
        }
    }

    private static Optional<UUID> caseUuid(String caseId) {
        try {
            return caseId == null ? Optional.empty() : Optional.of(UUID.fromString(caseId));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}

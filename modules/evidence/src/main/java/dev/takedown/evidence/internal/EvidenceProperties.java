package dev.takedown.evidence.internal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code takedown.evidence.*}. The directory has no default: a guessed location (the working directory, /tmp) could
 * be served, shared or wiped, so the application refuses to start until a deployment names one.
 */
@ConfigurationProperties("takedown.evidence")
public record EvidenceProperties(
        Path directory, DataSize maxFileSize, Integer maxFilesPerRequest, Integer maxFilesPerCase, Archive archive) {

    public EvidenceProperties {
        if (directory == null || directory.toString().isBlank()) {
            throw new IllegalStateException("takedown.evidence.directory is not set: name a directory for evidence "
                    + "files that no web server serves (e.g. /var/lib/takedown/evidence)");
        }
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(20) : maxFileSize;
        maxFilesPerRequest = maxFilesPerRequest == null ? 5 : maxFilesPerRequest;
        maxFilesPerCase = maxFilesPerCase == null ? 20 : maxFilesPerCase;
        archive = archive == null ? new Archive(null, null, null) : archive;
    }

    /** ZIP limits: entries (nested archives count as one entry each), bytes actually inflated, inflation ratio. */
    public record Archive(Integer maxEntries, DataSize maxInflatedSize, Integer maxRatio) {

        public Archive {
            maxEntries = maxEntries == null ? 1000 : maxEntries;
            maxInflatedSize = maxInflatedSize == null ? DataSize.ofMegabytes(100) : maxInflatedSize;
            maxRatio = maxRatio == null ? 100 : maxRatio;
        }

        public ZipInspector.Limits limits() {
            return new ZipInspector.Limits(maxEntries, maxInflatedSize.toBytes(), maxRatio);
        }
    }
}

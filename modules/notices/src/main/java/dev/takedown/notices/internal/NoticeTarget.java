package dev.takedown.notices.internal;

import dev.takedown.notices.NoticeSubmission;
import dev.takedown.notices.TargetType;
import dev.takedown.notices.UploaderDeclaration;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/** One location named by a notice; targets live in a table, never inside the process. */
@Entity
@Table(name = "notice_target")
public class NoticeTarget {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int position;

    @Enumerated(EnumType.STRING)
    private TargetType type;

    private String url;
    private String accountId;
    private String produceId;
    private String sha256;
    private String modelId;
    private String datasetId;
    private String itemId;
    private Instant generatedAt;

    @Enumerated(EnumType.STRING)
    private UploaderDeclaration uploaderDeclaration;

    protected NoticeTarget() {}

    NoticeTarget(int position, TargetType type, String url, NoticeSubmission.Target target) {
        this.position = position;
        this.type = type;
        this.url = url;
        this.accountId = target.accountId();
        this.produceId = target.produceId();
        this.sha256 = target.sha256() == null ? null : target.sha256().toLowerCase(Locale.ROOT);
        this.modelId = target.modelId();
        this.datasetId = target.datasetId();
        this.itemId = target.itemId();
        this.generatedAt = target.generatedAt() == null ? null : Instant.parse(target.generatedAt());
        this.uploaderDeclaration =
                UploaderDeclaration.parse(target.uploaderDeclaration()).orElse(null);
    }

    public String getProduceId() {
        return produceId;
    }

    public String getSha256() {
        return sha256;
    }

    public String getModelId() {
        return modelId;
    }

    public String getDatasetId() {
        return datasetId;
    }

    public String getItemId() {
        return itemId;
    }

    public Instant getGeneratedAt() {
        return generatedAt;
    }

    public UploaderDeclaration getUploaderDeclaration() {
        return uploaderDeclaration;
    }

    public TargetType getType() {
        return type;
    }

    public String getUrl() {
        return url;
    }

    public String getAccountId() {
        return accountId;
    }
}

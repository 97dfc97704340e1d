package dev.takedown.notices.internal;

import dev.takedown.notices.CaseStatus;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The notice aggregate: what was filed, by whom, and the case status it is in. */
@Entity
@Table(name = "notice")
public class Notice {

    @Id
    private UUID id;
    private String organisationId;
    private String submittedBy;
    private String channel;
    private String profiles;
    @Enumerated(EnumType.STRING)
    private CaseStatus status;
    private String notifierName;
    private String notifierEmail;
    private String workTitle;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private String body;
    private Instant receivedAt;
    private String idempotencyKey;
    private String requestHash;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @JoinColumn(name = "notice_id", nullable = false)
    @OrderBy("position")
    private List<NoticeTarget> targets = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @JoinColumn(name = "notice_id", nullable = false)
    @OrderBy("id")
    private List<NoticeHistoryEntry> history = new ArrayList<>();

    protected Notice() {
    }

    public Notice(UUID id, String organisationId, String submittedBy, String channel, List<String> profiles,
            String notifierName, String notifierEmail, String workTitle, String body, Instant receivedAt,
            String idempotencyKey, String requestHash) {
        this.id = id;
        this.organisationId = organisationId;
        this.submittedBy = submittedBy;
        this.channel = channel;
        this.profiles = String.join(",", profiles);
        this.notifierName = notifierName;
        this.notifierEmail = notifierEmail;
        this.workTitle = workTitle;
        this.body = body;
        this.receivedAt = receivedAt;
        this.idempotencyKey = idempotencyKey;
        this.requestHash = requestHash;
        this.status = CaseStatus.RECEIVED;
        this.history.add(new NoticeHistoryEntry(CaseStatus.RECEIVED, submittedBy, "via " + channel, receivedAt));
    }

    public void addTarget(int position, String type, String url) {
        targets.add(new NoticeTarget(position, type, url));
    }

    /** Moves the case on; a repeated transition (a retried delegate, a redelivered event) changes nothing. */
    public boolean moveTo(CaseStatus next, String actor, String note, Instant at) {
        if (status == next) {
            return false;
        }
        status = next;
        history.add(new NoticeHistoryEntry(next, actor, note, at));
        return true;
    }

    public UUID id() {
        return id;
    }

    public String organisationId() {
        return organisationId;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public String channel() {
        return channel;
    }

    public List<String> profiles() {
        return profiles == null || profiles.isEmpty() ? List.of() : Arrays.asList(profiles.split(","));
    }

    public CaseStatus status() {
        return status;
    }

    public String notifierName() {
        return notifierName;
    }

    public String notifierEmail() {
        return notifierEmail;
    }

    public String workTitle() {
        return workTitle;
    }

    public String body() {
        return body;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String requestHash() {
        return requestHash;
    }

    public List<NoticeTarget> targets() {
        return targets;
    }

    public List<NoticeHistoryEntry> history() {
        return history;
    }
}

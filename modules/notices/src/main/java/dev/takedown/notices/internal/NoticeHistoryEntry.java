package dev.takedown.notices.internal;

import dev.takedown.notices.CaseStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of a case's history as the notifier sees it. */
@Entity
@Table(name = "notice_history")
public class NoticeHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private CaseStatus status;

    private String actor;
    private String note;
    private Instant at;

    protected NoticeHistoryEntry() {}

    NoticeHistoryEntry(CaseStatus status, String actor, String note, Instant at) {
        this.status = status;
        this.actor = actor;
        this.note = note;
        this.at = at;
    }

    public CaseStatus getStatus() {
        return status;
    }

    public String getActor() {
        return actor;
    }

    public String getNote() {
        return note;
    }

    public Instant getAt() {
        return at;
    }
}

package dev.takedown.notices.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One location named by a notice; targets live in a table, never inside the process. */
@Entity
@Table(name = "notice_target")
public class NoticeTarget {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private int position;
    private String type;
    private String url;
    private String accountId;

    protected NoticeTarget() {
    }

    NoticeTarget(int position, String type, String url, String accountId) {
        this.position = position;
        this.type = type;
        this.url = url;
        this.accountId = accountId;
    }

    public String type() {
        return type;
    }

    public String url() {
        return url;
    }

    public String accountId() {
        return accountId;
    }
}

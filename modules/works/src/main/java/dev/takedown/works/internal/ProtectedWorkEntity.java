package dev.takedown.works.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "protected_work")
public class ProtectedWorkEntity {

    @Id
    private UUID id;

    private String organisationId;
    private String title;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private String definition;

    private String registeredBy;
    private Instant registeredAt;

    protected ProtectedWorkEntity() {}

    public ProtectedWorkEntity(
            UUID id,
            String organisationId,
            String title,
            String definition,
            String registeredBy,
            Instant registeredAt) {
        this.id = id;
        this.organisationId = organisationId;
        this.title = title;
        this.definition = definition;
        this.registeredBy = registeredBy;
        this.registeredAt = registeredAt;
    }

    public UUID getId() {
        return id;
    }

    public String getOrganisationId() {
        return organisationId;
    }

    public String getDefinition() {
        return definition;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }
}

package io.samokoder.sample;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A note on a project: the sample's JPA entity, whose table {@code project_notes} was created by a revision that
 * {@code revision --autogenerate} wrote from this class.
 */
@Entity
@Table(name = "project_notes", indexes = @Index(name = "ix_project_notes_project_id", columnList = "project_id"))
class ProjectNote {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id", nullable = false,
            foreignKey = @ForeignKey(name = "fk_project_notes_project_id"))
    private ProjectEntity project;

    @Column(nullable = false, length = 2000)
    private String body;

    @Column(nullable = false)
    private OffsetDateTime createdAt;

    protected ProjectNote() {
    }

    ProjectNote(ProjectEntity project, String body) {
        this.project = project;
        this.body = body;
    }

    @PrePersist
    void stampCreation() {
        this.createdAt = OffsetDateTime.now();
    }

    UUID getId() {
        return this.id;
    }

    UUID getProjectId() {
        return this.project.getId();
    }

    String getBody() {
        return this.body;
    }

    OffsetDateTime getCreatedAt() {
        return this.createdAt;
    }
}

package io.samokoder.sample;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Immutable;

/**
 * The table {@code projects} as JPA maps it, which {@link ProjectNote} refers to. The application writes
 * projects with SQL ({@link ProjectController}); here they are read only.
 */
@Entity(name = "Project")
@Immutable
@Table(name = "projects", indexes = { @Index(name = "ix_projects_user_id", columnList = "user_id"),
        @Index(name = "ix_projects_status", columnList = "status") })
class ProjectEntity {

    @Id
    @ColumnDefault("gen_random_uuid()")
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(columnDefinition = "text")
    private String description;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, foreignKey = @ForeignKey(name = "fk_projects_user_id"))
    private UserAccount user;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "status", nullable = false,
            foreignKey = @ForeignKey(name = "fk_projects_status_project_statuses"))
    @ColumnDefault("'active'")
    private ProjectStatus status;

    @Column(nullable = false)
    @ColumnDefault("now()")
    private OffsetDateTime createdAt;

    @Column(nullable = false)
    @ColumnDefault("now()")
    private OffsetDateTime updatedAt;

    protected ProjectEntity() {
    }

    UUID getId() {
        return this.id;
    }
}

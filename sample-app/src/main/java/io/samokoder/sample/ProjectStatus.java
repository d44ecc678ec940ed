package io.samokoder.sample;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** The lookup table {@code project_statuses} (revision 3c8f1a9d2b7e) as JPA maps it; read only. */
@Entity
@Immutable
@Table(name = "project_statuses")
class ProjectStatus {

    @Id
    @Column(length = 50)
    private String code;

    @Column(nullable = false, length = 100)
    private String label;

    @Column(nullable = false)
    private short position;

    protected ProjectStatus() {
    }
}

package io.samokoder.sample;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Immutable;

/**
 * The table {@code users} as JPA maps it, so that autogenerate compares it with the revisions' schema. The
 * application writes users with SQL ({@link UserController}); here they are read only.
 */
@Entity
@Immutable
@Table(name = "users", indexes = @Index(name = "ix_users_email", columnList = "email", unique = true))
class UserAccount {

    @Id
    @ColumnDefault("gen_random_uuid()")
    private UUID id;

    @Column(nullable = false)
    private String email;

    @Column(nullable = false)
    private String passwordHash;

    private String fullName;

    @Column(nullable = false)
    @ColumnDefault("now()")
    private OffsetDateTime createdAt;

    @Column(nullable = false)
    @ColumnDefault("now()")
    private OffsetDateTime updatedAt;

    protected UserAccount() {
    }
}

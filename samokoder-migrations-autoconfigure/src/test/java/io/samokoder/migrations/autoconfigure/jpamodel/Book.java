package io.samokoder.migrations.autoconfigure.jpamodel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The entity of command mode's model tests. */
@Entity
public class Book {

    @Id
    private Long id;

    @Column(nullable = false, length = 200)
    private String title;

    private Integer pageCount;

    protected Book() {
    }
}

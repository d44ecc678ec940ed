package io.samokoder.sample;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The notes of the projects. */
interface ProjectNoteRepository extends JpaRepository<ProjectNote, UUID> {

    /** A project's notes, oldest first. */
    List<ProjectNote> findByProjectIdOrderByCreatedAt(UUID projectId);
}

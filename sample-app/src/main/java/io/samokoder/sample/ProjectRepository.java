package io.samokoder.sample;

import java.util.UUID;
import org.springframework.data.repository.Repository;

/** Finds the project a new note refers to. */
interface ProjectRepository extends Repository<ProjectEntity, UUID> {

    /** The project of this id, if there is one. */
    java.util.Optional<ProjectEntity> findById(UUID id);
}

package io.samokoder.sample;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /projects/{id}/notes}: a project's notes, through JPA. */
@RestController
@RequestMapping("/projects/{projectId}/notes")
class ProjectNoteController {

    private final ProjectNoteRepository notes;

    private final ProjectRepository projects;

    ProjectNoteController(ProjectNoteRepository notes, ProjectRepository projects) {
        this.notes = notes;
        this.projects = projects;
    }

    @GetMapping
    @Transactional(readOnly = true)
    List<Note> list(@PathVariable UUID projectId) {
        return this.notes.findByProjectIdOrderByCreatedAt(projectId).stream().map(Note::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    Note create(@PathVariable UUID projectId, @RequestBody NewNote note) {
        if (note.body() == null || note.body().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "body is required");
        }
        ProjectEntity project = this.projects.findById(projectId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No project " + projectId));
        return Note.of(this.notes.save(new ProjectNote(project, note.body())));
    }

    record Note(UUID id, UUID projectId, String body, OffsetDateTime createdAt) {

        static Note of(ProjectNote note) {
            return new Note(note.getId(), note.getProjectId(), note.getBody(), note.getCreatedAt());
        }
    }

    record NewNote(String body) {
    }
}

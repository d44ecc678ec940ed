package io.samokoder.sample;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /projects}: list (optionally by user), read and create projects. */
@RestController
@RequestMapping("/projects")
class ProjectController {

    private static final String COLUMNS = "id, name, description, user_id, status, created_at, updated_at";

    private final JdbcClient jdbc;

    ProjectController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping
    List<Project> list(@RequestParam(required = false) UUID userId) {
        if (userId != null) {
            return this.jdbc.sql("SELECT " + COLUMNS + " FROM projects WHERE user_id = ? ORDER BY created_at, name")
                .param(userId)
                .query(Project.class)
                .list();
        }
        return this.jdbc.sql("SELECT " + COLUMNS + " FROM projects ORDER BY created_at, name")
            .query(Project.class)
            .list();
    }

    @GetMapping("/{id}")
    Project get(@PathVariable UUID id) {
        return this.jdbc.sql("SELECT " + COLUMNS + " FROM projects WHERE id = ?")
            .param(id)
            .query(Project.class)
            .optional()
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No project " + id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Project create(@RequestBody NewProject project) {
        if (project.name() == null || project.name().isBlank() || project.userId() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "name and userId are required");
        }
        try {
            return this.jdbc
                .sql("INSERT INTO projects (name, description, user_id, status) VALUES (?, ?, ?, ?) RETURNING "
                        + COLUMNS)
                .params(project.name(), project.description(), project.userId(),
                        project.status() == null ? "active" : project.status())
                .query(Project.class)
                .single();
        }
        catch (DataIntegrityViolationException ex) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "unknown userId or status (active, paused, archived)");
        }
    }

    record Project(UUID id, String name, String description, UUID userId, String status, OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }

    record NewProject(String name, String description, UUID userId, String status) {
    }
}

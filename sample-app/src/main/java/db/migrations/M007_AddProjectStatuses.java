package db.migrations;

import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.ConstraintKind;
import io.samokoder.migrations.ops.ForeignKey;
import io.samokoder.migrations.ops.Operations;
import io.samokoder.migrations.ops.Type;
import java.util.List;
import java.util.Map;

/**
 * A revision written in Java, beside the SQL scripts of {@code classpath:db/migrations}: its package
 * {@code db.migrations} is that location, and its simple name sorts after {@code 006_...sql}. It
 * turns the statuses allowed by the check constraint of revision 253890d33616 into a lookup table
 * that {@code projects.status} refers to.
 */
@Revision(id = "3c8f1a9d2b7e", revises = "0be0e10f5cc6", message = "Add project statuses",
        createDate = "2026-12-04 12:00:00")
public class M007_AddProjectStatuses implements JavaRevision {

    @Override
    public void upgrade(Operations op) {
        op.createTable("project_statuses",
                Column.of("code", Type.string(50)).primaryKey(),
                Column.of("label", Type.string(100)).notNull(),
                Column.of("position", Type.SMALLINT).notNull());
        op.bulkInsert("project_statuses", List.of(
                Map.of("code", "active", "label", "Active", "position", 1),
                Map.of("code", "paused", "label", "Paused", "position", 2),
                Map.of("code", "archived", "label", "Archived", "position", 3)));
        op.createForeignKey("projects", ForeignKey.from("status").references("project_statuses", "code"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropConstraint("fk_projects_status_project_statuses", "projects", ConstraintKind.FOREIGN_KEY);
        op.dropTable("project_statuses");
    }
}

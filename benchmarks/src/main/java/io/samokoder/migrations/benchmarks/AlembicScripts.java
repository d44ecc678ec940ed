package io.samokoder.migrations.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link BranchedGraph} as an Alembic script directory: {@code alembic.ini} and
 * {@code env.py} as {@code alembic init} generates them (offline mode configured from a PostgreSQL
 * URL, so {@code --sql} needs no connection and no driver), and one {@code versions/*.py} per
 * revision with the same id, parents, label and dependency as our script and its SQL as
 * {@code op.execute} calls.
 */
final class AlembicScripts {

    private AlembicScripts() {
    }

    /** The directory {@code root/name}, written on first use; run with {@code alembic -c <dir>/alembic.ini}. */
    static Path write(Path root, String name, List<BranchedGraph.Node> nodes) {
        Path dir = root.resolve(name);
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Path tmp = root.resolve(name + ".tmp");
        try {
            Path versions = Files.createDirectories(tmp.resolve("versions"));
            for (BranchedGraph.Node node : nodes) {
                Files.writeString(versions.resolve(String.format("%06d_%s.py", node.index(), node.id())), script(node),
                        StandardCharsets.UTF_8);
            }
            Files.writeString(tmp.resolve("env.py"), ENV_PY, StandardCharsets.UTF_8);
            Files.move(tmp, dir);
            // The ini names the directory by its final, absolute path.
            Files.writeString(dir.resolve("alembic.ini"), ini(dir.toAbsolutePath()), StandardCharsets.UTF_8);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Alembic scripts under " + root, e);
        }
    }

    /** One revision module, laid out as Alembic's generic {@code script.py.mako} renders it. */
    static String script(BranchedGraph.Node node) {
        StringBuilder py = new StringBuilder();
        py.append("\"\"\"revision ").append(node.index()).append("\n\n");
        py.append("Revision ID: ").append(node.id()).append('\n');
        py.append("Revises: ").append(String.join(", ", node.revises())).append('\n');
        py.append("Create Date: 2026-11-29 00:00:00\n\n\"\"\"\n");
        py.append("from alembic import op\nimport sqlalchemy as sa\n\n\n");
        py.append("# revision identifiers, used by Alembic.\n");
        py.append("revision = '").append(node.id()).append("'\n");
        py.append("down_revision = ").append(downRevision(node.revises())).append('\n');
        py.append("branch_labels = ").append(node.label() == null ? "None" : "('" + node.label() + "',)").append('\n');
        py.append("depends_on = ").append(node.dependsOn() == null ? "None" : "'" + node.dependsOn() + "'").append("\n\n\n");
        py.append("def upgrade() -> None:\n");
        for (String statement : Db.POSTGRESQL.sql(node.index()).split("\n")) {
            String sql = statement.endsWith(";") ? statement.substring(0, statement.length() - 1) : statement;
            py.append("    op.execute(\"").append(sql.replace("\\", "\\\\").replace("\"", "\\\"")).append("\")\n");
        }
        py.append("\n\ndef downgrade() -> None:\n");
        py.append("    op.execute(\"DROP TABLE t_").append(node.index()).append("\")\n");
        return py.toString();
    }

    private static String downRevision(List<String> revises) {
        if (revises.isEmpty()) {
            return "None";
        }
        if (revises.size() == 1) {
            return "'" + revises.get(0) + "'";
        }
        return "('" + String.join("', '", revises) + "')";
    }

    /** Alembic's generic {@code alembic.ini}, with the script location and a PostgreSQL URL filled in. */
    private static String ini(Path dir) {
        return """
                [alembic]
                script_location = %s
                prepend_sys_path = .
                version_path_separator = os
                sqlalchemy.url = postgresql://bench@localhost/bench

                [post_write_hooks]

                [loggers]
                keys = root,sqlalchemy,alembic

                [handlers]
                keys = console

                [formatters]
                keys = generic

                [logger_root]
                level = WARN
                handlers = console
                qualname =

                [logger_sqlalchemy]
                level = WARN
                handlers =
                qualname = sqlalchemy.engine

                [logger_alembic]
                level = INFO
                handlers =
                qualname = alembic

                [handler_console]
                class = StreamHandler
                args = (sys.stderr,)
                level = NOTSET
                formatter = generic

                [formatter_generic]
                format = %%(levelname)-5.5s [%%(name)s] %%(message)s
                datefmt = %%H:%%M:%%S
                """.formatted(dir);
    }

    /** Alembic's generic env.py, offline part unchanged; the online part refuses (nothing here connects). */
    private static final String ENV_PY = """
            from logging.config import fileConfig

            from alembic import context

            config = context.config

            if config.config_file_name is not None:
                fileConfig(config.config_file_name)

            target_metadata = None


            def run_migrations_offline() -> None:
                url = config.get_main_option("sqlalchemy.url")
                context.configure(
                    url=url,
                    target_metadata=target_metadata,
                    literal_binds=True,
                    dialect_opts={"paramstyle": "named"},
                )

                with context.begin_transaction():
                    context.run_migrations()


            if context.is_offline_mode():
                run_migrations_offline()
            else:
                raise SystemExit("this benchmark's scripts run offline (--sql) only")
            """;
}

package io.samokoder.migrations;

import io.samokoder.migrations.dialect.h2.H2Dialect;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** H2 databases for the H2 dialect's tests. */
final class H2Db {

    private H2Db() {
    }

    /** A fresh in-memory database that lives until the JVM ends. */
    static JdbcDataSource memory() {
        return url("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    /** A file database that other processes reach through the first one's server. */
    static JdbcDataSource autoServer(Path file) {
        return url("jdbc:h2:file:" + file.toAbsolutePath() + ";AUTO_SERVER=TRUE");
    }

    static JdbcDataSource url(String url) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }

    static MigrationsConfig.Builder config(DataSource ds, Path scripts) {
        return MigrationsConfig.builder().dialect(H2Dialect.INSTANCE).dataSource(ds)
                .locations("filesystem:" + scripts);
    }

    static List<String> versionRows(DataSource ds) {
        return Db.strings(ds, "SELECT version_num FROM \"alembic_version\" ORDER BY version_num");
    }

    static boolean tableExists(DataSource ds, String table) {
        return Db.count(ds, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                + " AND TABLE_NAME = '" + table + "'") == 1;
    }
}

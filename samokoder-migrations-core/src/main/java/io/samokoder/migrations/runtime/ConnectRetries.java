package io.samokoder.migrations.runtime;

import io.samokoder.migrations.MigrationsConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * The configuration's DataSource, trying again to connect until it has given one connection
 * ({@link MigrationsConfig#connectRetries()}): for a database that is still starting when the application or the job
 * does (containers started together). The pauses start at one second and double up to
 * {@link MigrationsConfig#connectRetriesInterval()}. Once a connection was had, failures are the caller's at once.
 */
final class ConnectRetries extends WrappedDataSource {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger("io.samokoder.migrations.Migrations");

    private final int retries;
    private final long maxPauseMillis;
    private volatile boolean connected;

    private ConnectRetries(DataSource target, int retries, Duration maxPause) {
        super(target);
        this.retries = retries;
        this.maxPauseMillis = Math.max(1, maxPause.toMillis());
    }

    /** {@code config} itself without retries or a DataSource; else the same with its DataSource trying again. */
    static MigrationsConfig applied(MigrationsConfig config) {
        if (config.connectRetries() == 0 || config.dataSource() == null) {
            return config;
        }
        return config.toBuilder()
                .dataSource(new ConnectRetries(config.dataSource(), config.connectRetries(),
                        config.connectRetriesInterval()))
                .build();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connect(null, null, false);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return connect(username, password, true);
    }

    private Connection connect(String username, String password, boolean withCredentials) throws SQLException {
        if (this.connected) {
            return withCredentials ? this.target.getConnection(username, password) : this.target.getConnection();
        }
        long pause = Math.min(1000, this.maxPauseMillis);
        for (int attempt = 1; ; attempt++) {
            try {
                Connection connection = withCredentials ? this.target.getConnection(username, password)
                        : this.target.getConnection();
                this.connected = true;
                return connection;
            } catch (SQLException e) {
                if (attempt > this.retries) {
                    LOG.warn("Could not connect to the database after {} retr{}: {}", this.retries,
                            this.retries == 1 ? "y" : "ies", Jdbc.describe(e));
                    throw e;
                }
                LOG.warn("Could not connect to the database ({}); trying again in {} ms ({} of {} retries,"
                        + " samokoder.migrations.connect-retries)", Jdbc.describe(e), pause, attempt, this.retries);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = Math.min(pause * 2, this.maxPauseMillis);
            }
        }
    }

    @Override
    public String toString() {
        // The target's toString may carry a URL with credentials.
        return "ConnectRetries[retries=" + this.retries + "]";
    }
}

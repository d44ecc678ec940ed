package io.samokoder.migrations.dialect.mariadb;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;

/**
 * The two timeouts in seconds, as the engine passes them around ({@code 0} disables one), and the
 * session variables they become. The lock timeout is {@code lock_wait_timeout} (whole seconds, for
 * metadata locks, which DDL waits for; rounded up, and its maximum of a year when disabled, since
 * {@code 0} there means not to wait at all). The statement timeout is MariaDB's
 * {@code max_statement_time} (seconds, any statement), or MySQL's {@code max_execution_time}
 * (milliseconds), which MySQL applies to {@code SELECT} statements only.
 */
final class SessionTimeouts {

    static final SessionTimeouts MARIADB = new SessionTimeouts("max_statement_time", false);
    static final SessionTimeouts MYSQL = new SessionTimeouts("max_execution_time", true);

    /** {@code lock_wait_timeout}'s maximum: a year. */
    private static final BigDecimal NO_LOCK_TIMEOUT = BigDecimal.valueOf(31_536_000);

    private final String statementVariable;
    private final boolean milliseconds;

    private SessionTimeouts(String statementVariable, boolean milliseconds) {
        this.statementVariable = statementVariable;
        this.milliseconds = milliseconds;
    }

    /** A timeout in seconds, e.g. {@code 5} or {@code 0.25}; {@code 0} when disabled. */
    String value(Duration timeout) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            return "0";
        }
        return BigDecimal.valueOf(Math.max(1, timeout.toMillis()), 3).stripTrailingZeros().toPlainString();
    }

    /** One {@code SET SESSION} of both timeouts, given in seconds. */
    String setSql(String lockSeconds, String statementSeconds) {
        return "SET SESSION " + lockAssignment(lockSeconds) + ", SESSION " + statementAssignment(statementSeconds);
    }

    /** Both timeouts as two statements, for offline scripts. */
    List<String> offlineSet(String lockSeconds, String statementSeconds) {
        return List.of("SET SESSION " + lockAssignment(lockSeconds),
                "SET SESSION " + statementAssignment(statementSeconds));
    }

    /** Back to the server's defaults. */
    List<String> resetSql() {
        return List.of("SET SESSION lock_wait_timeout = DEFAULT",
                "SET SESSION " + this.statementVariable + " = DEFAULT");
    }

    /** The session's two timeouts in seconds. */
    String currentQuery() {
        return "SELECT @@SESSION.lock_wait_timeout, @@SESSION." + this.statementVariable
                + (this.milliseconds ? " / 1000" : "");
    }

    private static String lockAssignment(String seconds) {
        BigDecimal value = seconds(seconds);
        value = value.signum() == 0 ? NO_LOCK_TIMEOUT : value.setScale(0, RoundingMode.CEILING);
        return "lock_wait_timeout = " + value.min(NO_LOCK_TIMEOUT).toPlainString();
    }

    private String statementAssignment(String seconds) {
        BigDecimal value = seconds(seconds);
        if (this.milliseconds) {
            value = value.movePointRight(3).setScale(0, RoundingMode.CEILING);
        }
        return this.statementVariable + " = " + value.stripTrailingZeros().toPlainString();
    }

    /** Parses a value in seconds; anything but a plain non-negative number is refused (it is written into SQL). */
    private static BigDecimal seconds(String seconds) {
        if (seconds == null || !seconds.matches("[0-9]{1,12}(\\.[0-9]{1,9})?")) {
            throw new IllegalArgumentException("Not a timeout in seconds: '" + seconds + "'");
        }
        return new BigDecimal(seconds);
    }
}

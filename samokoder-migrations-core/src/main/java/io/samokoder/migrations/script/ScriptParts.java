package io.samokoder.migrations.script;

import java.util.List;

/**
 * An SQL script's two parts, split into statements on first use and then kept. They are split as PostgreSQL
 * and H2 read SQL, and for MariaDB and MySQL with MySQL's lexical rules ({@link SqlLexer}) where a part holds
 * what only those rules read: a {@code #}, a backslash or a backtick; elsewhere both are the same split. A
 * session's SQL mode can change MySQL's rules; a part split so is kept for the last such mode asked for. A part
 * whose quotes close only as MariaDB reads SQL by default is split so in any mode (mysqldump's output, which sets
 * its own SQL mode).
 */
final class ScriptParts {

    /**
     * MySQL's readings a checksum is tried with, in order, after PostgreSQL's: by default, then in SQL modes; offline
     * SQL tries the modes in the same order.
     */
    private static final int[] MYSQL_READINGS = {SqlLexer.MYSQL, SqlLexer.MYSQL | SqlLexer.ANSI_QUOTES,
        SqlLexer.MYSQL | SqlLexer.NO_BACKSLASH_ESCAPES,
        SqlLexer.MYSQL | SqlLexer.NO_BACKSLASH_ESCAPES | SqlLexer.ANSI_QUOTES};

    private final String description;
    private final String text;
    private final int upgradeStart;
    private final int upgradeEnd;
    private final int upgradeLine;
    private final int downgradeStart;
    private final int downgradeEnd;
    private final int downgradeLine;

    private volatile List<SqlStatement> upgrade;
    private volatile List<SqlStatement> downgrade;
    private volatile List<SqlStatement> mysqlUpgrade;
    private volatile List<SqlStatement> mysqlDowngrade;
    /** Split with MySQL's rules as a session's SQL mode changes them ({@link SqlLexer#NO_BACKSLASH_ESCAPES}, ...). */
    private volatile Split modeUpgrade;
    private volatile Split modeDowngrade;

    /** Statements split with the lexical rules they were split with. */
    private record Split(int rules, List<SqlStatement> statements) {
    }

    ScriptParts(String description, String text, int upgradeStart, int upgradeEnd, int upgradeLine,
            int downgradeStart, int downgradeEnd, int downgradeLine) {
        this.description = description;
        this.text = text;
        this.upgradeStart = upgradeStart;
        this.upgradeEnd = upgradeEnd;
        this.upgradeLine = upgradeLine;
        this.downgradeStart = downgradeStart;
        this.downgradeEnd = downgradeEnd;
        this.downgradeLine = downgradeLine;
    }

    /** Whether there is a downgrade part. */
    /** A part's text as written, without its marker line; empty for a missing downgrade part. */
    String text(boolean upgrade) {
        if (!upgrade && !reversible()) {
            return "";
        }
        return upgrade ? this.text.substring(this.upgradeStart, this.upgradeEnd)
                : this.text.substring(this.downgradeStart, this.downgradeEnd);
    }

    boolean reversible() {
        return this.downgradeStart >= 0;
    }

    /**
     * A part's statements (the downgrade's: empty without one), with MySQL's lexical rules where {@code mysql}
     * and the part needs them.
     */
    List<SqlStatement> statements(boolean upgrade, boolean mysql) {
        return statements(upgrade, mysql ? SqlLexer.MYSQL : SqlLexer.STANDARD);
    }

    /**
     * A part's statements (the downgrade's: empty without one), with the lexical {@code rules} given
     * ({@link SqlLexer}) where the part needs MySQL's.
     */
    List<SqlStatement> statements(boolean upgrade, int rules) {
        if (!upgrade && !reversible()) {
            return List.of();
        }
        int effective = effective(upgrade, rules);
        List<SqlStatement> statements = kept(upgrade, effective);
        if (statements == null) {
            statements = splitInMode(upgrade, effective);
            if (effective == SqlLexer.STANDARD) {
                if (upgrade) {
                    this.upgrade = statements;
                } else {
                    this.downgrade = statements;
                }
            } else if (effective == SqlLexer.MYSQL) {
                if (upgrade) {
                    this.mysqlUpgrade = statements;
                } else {
                    this.mysqlDowngrade = statements;
                }
            } else if (upgrade) {
                this.modeUpgrade = new Split(effective, statements);
            } else {
                this.modeDowngrade = new Split(effective, statements);
            }
        }
        return statements;
    }

    /**
     * {@link #statements(boolean, int)}; where those are MySQL's default rules and leave a quote open, in the first
     * SQL mode of {@link #MYSQL_READINGS} that closes it: for offline SQL, where no session tells the mode.
     */
    List<SqlStatement> statementsInAnyMode(boolean upgrade, int rules) {
        try {
            return statements(upgrade, rules);
        } catch (ScriptFormatException e) {
            if (effective(upgrade, rules) != SqlLexer.MYSQL) {
                throw e;
            }
            for (int i = 1; i < MYSQL_READINGS.length; i++) {
                try {
                    return statements(upgrade, MYSQL_READINGS[i]);
                } catch (ScriptFormatException notSo) {
                    // The next reading, if any, may close its quotes.
                }
            }
            throw e;
        }
    }

    /** The part's statements if split already with these {@code rules}, else {@code null}. */
    List<SqlStatement> splitAlready(boolean upgrade, int rules) {
        return kept(upgrade, effective(upgrade, rules));
    }

    /** The rules a part is split with: MySQL's only where it holds what they read otherwise. */
    private int effective(boolean upgrade, int rules) {
        return rules != SqlLexer.STANDARD && needsMySqlRules(upgrade) ? rules : SqlLexer.STANDARD;
    }

    private List<SqlStatement> kept(boolean upgrade, int rules) {
        if (rules == SqlLexer.STANDARD) {
            return upgrade ? this.upgrade : this.downgrade;
        }
        if (rules == SqlLexer.MYSQL) {
            return upgrade ? this.mysqlUpgrade : this.mysqlDowngrade;
        }
        Split split = upgrade ? this.modeUpgrade : this.modeDowngrade;
        return split != null && split.rules() == rules ? split.statements() : null;
    }

    /** Splits a part as a run would, keeping nothing (see {@link SqlSplitter#check}). */
    void check(boolean upgrade, boolean inTransaction, int rules) {
        rules = effective(upgrade, rules);
        try {
            checkWith(upgrade, inTransaction, rules);
        } catch (ScriptFormatException e) {
            if (!inSqlMode(rules)) {
                throw e;
            }
            try {
                checkWith(upgrade, inTransaction, SqlLexer.MYSQL);
            } catch (ScriptFormatException notSo) {
                throw e;
            }
        }
    }

    private void checkWith(boolean upgrade, boolean inTransaction, int rules) {
        if (upgrade) {
            SqlSplitter.check(this.description, this.text, this.upgradeStart, this.upgradeEnd, this.upgradeLine,
                    inTransaction, rules);
        } else {
            SqlSplitter.check(this.description, this.text, this.downgradeStart, this.downgradeEnd,
                    this.downgradeLine, inTransaction, rules);
        }
    }

    /** The downgrade statements for a checksum: the kept ones, or split and not kept; none when irreversible. */
    List<SqlStatement> downgradeForChecksum(boolean mysql) {
        return downgradeForChecksum(mysql ? SqlLexer.MYSQL : SqlLexer.STANDARD);
    }

    private List<SqlStatement> downgradeForChecksum(int rules) {
        if (!reversible()) {
            return null;
        }
        rules = effective(false, rules);
        List<SqlStatement> kept = kept(false, rules);
        return kept != null ? kept : split(false, rules);
    }

    /**
     * The checksum of the statements as PostgreSQL reads them, the same on every database; for a script only
     * MySQL's rules read (its quotes close only so), of the statements as MariaDB and MySQL read them: by
     * default, else in the first SQL mode of {@link #MYSQL_READINGS} whose reading closes them.
     */
    String checksum() {
        try {
            return ScriptChecksum.of(statements(true, false), downgradeForChecksum(false));
        } catch (ScriptFormatException e) {
            if (!needsMySqlRules(true) && !(reversible() && needsMySqlRules(false))) {
                throw e;
            }
            for (int rules : MYSQL_READINGS) {
                try {
                    return ScriptChecksum.ofMySql(statements(true, rules), downgradeForChecksum(rules), rules);
                } catch (ScriptFormatException notSo) {
                    // The next reading, if any, may close its quotes.
                }
            }
            throw e;
        }
    }

    /**
     * The part split with {@code rules}; where those are a session's SQL mode and its quotes do not close so, as
     * MariaDB and MySQL read it by default, if they close so: a script written for the default mode (mysqldump's
     * output sets its own SQL mode for what follows, and sets the session's back at its end).
     */
    private List<SqlStatement> splitInMode(boolean upgrade, int rules) {
        try {
            return split(upgrade, rules);
        } catch (ScriptFormatException e) {
            if (!inSqlMode(rules)) {
                throw e;
            }
            try {
                return split(upgrade, SqlLexer.MYSQL);
            } catch (ScriptFormatException notSo) {
                throw e;
            }
        }
    }

    /** Whether {@code rules} are MySQL's as a session's SQL mode changes them. */
    private static boolean inSqlMode(int rules) {
        return rules != SqlLexer.STANDARD && rules != SqlLexer.MYSQL;
    }

    private List<SqlStatement> split(boolean upgrade, int rules) {
        return upgrade ? SqlSplitter.split(this.description, this.text, this.upgradeStart, this.upgradeEnd,
                this.upgradeLine, rules)
                : SqlSplitter.split(this.description, this.text, this.downgradeStart, this.downgradeEnd,
                        this.downgradeLine, rules);
    }

    /** Whether the part holds a character that MySQL's lexical rules read otherwise: {@code #}, {@code \}, {@code `}. */
    private boolean needsMySqlRules(boolean upgrade) {
        int from = upgrade ? this.upgradeStart : this.downgradeStart;
        int to = upgrade ? this.upgradeEnd : this.downgradeEnd;
        for (int i = from; i < to; i++) {
            char c = this.text.charAt(i);
            if (c == '#' || c == '\\' || c == '`') {
                return true;
            }
        }
        return false;
    }
}

package io.samokoder.migrations.script;

import java.util.List;

/**
 * An SQL script's two parts, split into statements on first use and then kept. They are split as PostgreSQL
 * and H2 read SQL, and for MariaDB and MySQL with MySQL's lexical rules ({@link SqlLexer}) where a part holds
 * what only those rules read: a {@code #}, a backslash or a backtick; elsewhere both are the same split.
 */
final class ScriptParts {

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
    boolean reversible() {
        return this.downgradeStart >= 0;
    }

    /**
     * A part's statements (the downgrade's: empty without one), with MySQL's lexical rules where {@code mysql}
     * and the part needs them.
     */
    List<SqlStatement> statements(boolean upgrade, boolean mysql) {
        if (!upgrade && !reversible()) {
            return List.of();
        }
        boolean rules = mysql && needsMySqlRules(upgrade);
        List<SqlStatement> statements = kept(upgrade, rules);
        if (statements == null) {
            statements = split(upgrade, rules);
            if (upgrade && rules) {
                this.mysqlUpgrade = statements;
            } else if (upgrade) {
                this.upgrade = statements;
            } else if (rules) {
                this.mysqlDowngrade = statements;
            } else {
                this.downgrade = statements;
            }
        }
        return statements;
    }

    /** The part's statements if split already, else {@code null}. */
    List<SqlStatement> splitAlready(boolean upgrade, boolean mysql) {
        return kept(upgrade, mysql && needsMySqlRules(upgrade));
    }

    private List<SqlStatement> kept(boolean upgrade, boolean rules) {
        return upgrade ? (rules ? this.mysqlUpgrade : this.upgrade) : (rules ? this.mysqlDowngrade : this.downgrade);
    }

    /** Splits a part as a run would, keeping nothing (see {@link SqlSplitter#check}). */
    void check(boolean upgrade, boolean inTransaction, boolean mysql) {
        boolean rules = mysql && needsMySqlRules(upgrade);
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
        if (!reversible()) {
            return null;
        }
        boolean rules = mysql && needsMySqlRules(false);
        List<SqlStatement> kept = kept(false, rules);
        return kept != null ? kept : split(false, rules);
    }

    /**
     * The checksum of the statements as PostgreSQL reads them, the same on every database; for a script only
     * MySQL's rules read (its quotes close only so), of the statements as MariaDB and MySQL read them.
     */
    String checksum() {
        try {
            return ScriptChecksum.of(statements(true, false), downgradeForChecksum(false));
        } catch (ScriptFormatException e) {
            if (!needsMySqlRules(true) && !(reversible() && needsMySqlRules(false))) {
                throw e;
            }
            try {
                return ScriptChecksum.ofMySql(statements(true, true), downgradeForChecksum(true));
            } catch (ScriptFormatException neither) {
                throw e;
            }
        }
    }

    private List<SqlStatement> split(boolean upgrade, boolean mysql) {
        return upgrade ? SqlSplitter.split(this.description, this.text, this.upgradeStart, this.upgradeEnd,
                this.upgradeLine, mysql)
                : SqlSplitter.split(this.description, this.text, this.downgradeStart, this.downgradeEnd,
                        this.downgradeLine, mysql);
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

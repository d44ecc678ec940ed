package io.samokoder.migrations.script;

import java.util.List;

/**
 * The versioned checksums of an SQL script's statements (see {@link RevisionScript#checksum()}). Each
 * part is written as its statement count, then each statement's normalised form with its length.
 * Version 2, written since 2026-12, hashes the two parts apart, so that a change to the downgrade
 * part alone is told from one to what ran: {@code v2:}, the first 32 hex digits of the SHA-256 of the
 * upgrade part, {@code :}, and the same of the downgrade part, or {@code none} for an irreversible
 * script. Version 1 ({@code v1:}, still computed to compare the log rows it wrote) hashes both parts
 * together. Until 2026-12-06 MySQL's executable comments ({@code /*!...*}{@code /}) were comments, left out
 * of statements and checksums; they are code now, and {@link #compare} also computes a script's checksum
 * as it was written then, so that a revision applied before is not taken for a changed one.
 *
 * <p>Both versions normalise as follows:
 * <ul>
 *   <li>the file is decoded as UTF-8, a byte order mark is dropped, and CRLF and CR become LF;</li>
 *   <li>the header and everything outside the two parts (and the marker lines) are ignored;</li>
 *   <li>each part is split into statements as PostgreSQL reads SQL, on every database (a script whose
 *       quotes only MySQL's rules close: as MariaDB reads it); statements without tokens (blank,
 *       comment-only, a lone {@code ;}) do not count;</li>
 *   <li>in each statement, comments ({@code --} and nested block comments outside strings), blanks
 *       and line breaks between tokens are removed, except that one space is kept where they
 *       separated two word-like tokens (identifiers, keywords, numbers, parameters, strings, quoted
 *       identifiers, dollar quotes) or two operator characters; so re-indenting, re-wrapping and
 *       spacing around punctuation do not matter, while {@code a b} and {@code ab} differ;</li>
 *   <li>string literals, {@code E'...'} strings, quoted identifiers and MySQL's executable comments
 *       ({@code /*!...*}{@code /}, code to MariaDB and MySQL) are kept exactly; in
 *       dollar-quoted bodies (function bodies, {@code DO} blocks) only blanks at the end of a line
 *       and blank lines are removed, everything else, comments and indentation included, counts;</li>
 *   <li>each part is written as {@code U} or {@code D} and its statement count, then each statement
 *       prefixed with its length, so moving a statement between parts or between statements changes
 *       the checksum; the downgrade part counts only if the script is
 *       {@link RevisionScript#reversible()}.</li>
 * </ul>
 * The file name, its location and the header are not part of the checksum.
 *
 * <p>The text is assembled in two builders kept per thread, so that checksumming thousands of
 * scripts does not allocate them per script; builders grown past {@value #KEPT_CAPACITY} characters
 * by a large script are not kept.
 */
final class ScriptChecksum {

    static final String LEGACY_VERSION = "v1:";
    private static final int KEPT_CAPACITY = 1 << 16;

    /** The content and the scratch builder of the current thread; JDK classes only. */
    private static final ThreadLocal<StringBuilder[]> BUFFERS = new ThreadLocal<>();

    private ScriptChecksum() {
    }

    /** The version 2 checksum of the upgrade statements and, for a reversible script, the downgrade ones. */
    static String of(List<SqlStatement> upgrade, List<SqlStatement> downgrade) {
        return compute(upgrade, downgrade, false, true, SqlLexer.STANDARD);
    }

    /**
     * {@link #of}, of statements split with MySQL's lexical {@code rules} ({@link SqlLexer}) and normalised with
     * them: for a script that only those rules read (a backslash-escaped quote, a {@code #} comment with a quote
     * in it, a {@code "..."} name with a backslash in a session with {@code ANSI_QUOTES}).
     */
    static String ofMySql(List<SqlStatement> upgrade, List<SqlStatement> downgrade, int rules) {
        return compute(upgrade, downgrade, false, true, rules);
    }

    /**
     * Compares the checksum that the log recorded with {@code script}'s now (see
     * {@link RevisionScript#compareChecksum}), in each form the recorded one may have: version 2, version 1,
     * and version 2 as written before executable comments ran, asked for only when the script's
     * {@code text} may hold one. Where two forms apply, the lesser change counts.
     */
    static ChecksumChange compare(String recorded, RevisionScript script, String text) {
        ChecksumChange change = PartChecksums.compare(recorded, script.checksum(), LEGACY_VERSION,
                () -> legacy(script.upgradeStatements(), script.splitDowngrade()));
        if (change == ChecksumChange.NONE || !(text.contains("/*!") || text.contains("/*M!"))) {
            return change;
        }
        ChecksumChange before = PartChecksums.compare(recorded,
                beforeExecutableComments(script.upgradeStatements(), script.splitDowngrade()));
        return before.compareTo(change) < 0 ? before : change;
    }

    /** The version 2 checksum as written before executable comments ran: without them. */
    private static String beforeExecutableComments(List<SqlStatement> upgrade, List<SqlStatement> downgrade) {
        return compute(upgrade, downgrade, false, false, SqlLexer.STANDARD);
    }

    /** The version 1 checksum of the same statements (written before executable comments ran). */
    private static String legacy(List<SqlStatement> upgrade, List<SqlStatement> downgrade) {
        return compute(upgrade, downgrade, true, false, SqlLexer.STANDARD);
    }

    private static String compute(List<SqlStatement> upgrade, List<SqlStatement> downgrade, boolean legacy,
            boolean executable, int rules) {
        StringBuilder[] buffers = BUFFERS.get();
        if (buffers == null) {
            buffers = new StringBuilder[] {new StringBuilder(512), new StringBuilder(128)};
        } else {
            // Taken while in use, so that a nested call (none today) cannot share them.
            BUFFERS.remove();
        }
        StringBuilder content = buffers[0];
        StringBuilder scratch = buffers[1];
        content.setLength(0);
        appendPart(content, scratch, 'U', upgrade, executable, rules);
        String checksum;
        if (legacy) {
            if (downgrade != null) {
                appendPart(content, scratch, 'D', downgrade, executable, rules);
            }
            checksum = LEGACY_VERSION + Sha256.hexOfUtf8(content);
        } else {
            String up = PartChecksums.digest(content);
            String down = PartChecksums.NONE;
            if (downgrade != null) {
                content.setLength(0);
                appendPart(content, scratch, 'D', downgrade, executable, rules);
                down = PartChecksums.digest(content);
            }
            checksum = PartChecksums.join(PartChecksums.SQL_PREFIX, up, down);
        }
        if (content.capacity() <= KEPT_CAPACITY && scratch.capacity() <= KEPT_CAPACITY) {
            BUFFERS.set(buffers);
        }
        return checksum;
    }

    /**
     * Appends a part: its statement count, then each statement's normalised form with its length. Without
     * {@code executable}, a statement that is nothing but executable comments is left out, as the splitter
     * left it out before they ran.
     */
    private static void appendPart(StringBuilder content, StringBuilder scratch, char part,
            List<SqlStatement> statements, boolean executable, int rules) {
        int count = statements.size();
        if (!executable) {
            for (int i = 0; i < statements.size(); i++) {
                scratch.setLength(0);
                SqlSplitter.normalise(statements.get(i).sql(), scratch, false, rules);
                if (scratch.length() == 0) {
                    count--;
                }
            }
        }
        content.append(part).append(count).append('\n');
        for (int i = 0; i < statements.size(); i++) {
            scratch.setLength(0);
            SqlSplitter.normalise(statements.get(i).sql(), scratch, executable, rules);
            if (scratch.length() > 0 || executable) {
                content.append(scratch.length()).append(':').append(scratch).append('\n');
            }
        }
    }
}

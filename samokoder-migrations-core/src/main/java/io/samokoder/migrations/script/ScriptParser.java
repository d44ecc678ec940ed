package io.samokoder.migrations.script;

import io.samokoder.migrations.graph.Revision;
import io.samokoder.migrations.script.ScriptHeader.Key;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses the text of one script (line endings already {@code \n}, no byte order mark): the header
 * comment block and the positions of the two parts. One pass over the lines, no regular expressions;
 * the SQL itself is not tokenized here except for the few lines before {@code -- migrate:upgrade}. The
 * header's values are read as typed values by {@link ScriptHeader}.
 */
final class ScriptParser {

    private static final int NO_MARKER = 0;
    private static final int UPGRADE = 1;
    private static final int DOWNGRADE = 2;

    private final String file;
    private final String text;

    private boolean messageSeen;
    private String message = "";
    private final ScriptHeader header;

    private final String contentHash;
    private final boolean hashesText;

    private ScriptParser(String file, String text, String contentHash, boolean hashesText) {
        this.file = file;
        this.text = text;
        this.contentHash = contentHash;
        this.hashesText = hashesText;
        this.header = new ScriptHeader(file);
    }

    static RevisionScript parse(String file, String text) {
        return new ScriptParser(file, text, null, false).parse();
    }

    /**
     * Parses, recording the hash of the file's bytes (see {@link RevisionScript#contentHash()}), or
     * with {@code hashesText} that the text is exactly the file's bytes decoded, so the script hashes
     * its text when asked.
     */
    static RevisionScript parse(String file, String text, String contentHash, boolean hashesText) {
        return new ScriptParser(file, text, contentHash, hashesText).parse();
    }

    private RevisionScript parse() {
        String t = this.text;
        int length = t.length();
        int pos = 0;
        int lineNo = 0;
        boolean inHeader = true;
        boolean headerStarted = false;
        int headerEnd = length;
        int headerEndLine = -1;
        int upgradeMarker = -1;
        int upgradeMarkerLine = 0;
        int downgradeMarker = -1;
        int downgradeMarkerLine = 0;
        int upgradeStart = length;
        int downgradeStart = -1;
        while (pos < length) {
            lineNo++;
            int eol = t.indexOf('\n', pos);
            if (eol < 0) {
                eol = length;
            }
            int first = pos;
            while (first < eol && (t.charAt(first) == ' ' || t.charAt(first) == '\t')) {
                first++;
            }
            boolean comment = first + 1 < eol && t.charAt(first) == '-' && t.charAt(first + 1) == '-';
            int marker = comment ? marker(first + 2, eol) : NO_MARKER;
            if (inHeader) {
                if (comment && marker == NO_MARKER) {
                    headerLine(first + 2, eol, lineNo);
                    headerStarted = true;
                    pos = eol + 1;
                    continue;
                }
                if (!headerStarted && first == eol) {
                    pos = eol + 1;
                    continue;
                }
                inHeader = false;
                headerEnd = pos;
                headerEndLine = lineNo;
            }
            if (marker == UPGRADE) {
                if (upgradeMarker >= 0) {
                    throw error(lineNo, "Second '-- migrate:upgrade' marker (the first is on line " + upgradeMarkerLine
                            + "); a script has one upgrade part, remove this marker");
                }
                if (downgradeMarker >= 0) {
                    throw error(lineNo, "'-- migrate:upgrade' after '-- migrate:downgrade' (line " + downgradeMarkerLine
                            + "); put the upgrade part first");
                }
                upgradeMarker = pos;
                upgradeMarkerLine = lineNo;
                upgradeStart = Math.min(eol + 1, length);
            } else if (marker == DOWNGRADE) {
                if (downgradeMarker >= 0) {
                    throw error(lineNo, "Second '-- migrate:downgrade' marker (the first is on line "
                            + downgradeMarkerLine + "); a script has one downgrade part, remove this marker");
                }
                if (upgradeMarker < 0) {
                    throw error(lineNo, "'-- migrate:downgrade' before '-- migrate:upgrade'; put a line "
                            + "'-- migrate:upgrade' and the upgrade SQL above it");
                }
                downgradeMarker = pos;
                downgradeMarkerLine = lineNo;
                downgradeStart = Math.min(eol + 1, length);
            }
            pos = eol + 1;
        }
        if (headerEndLine < 0) {
            headerEndLine = lineNo + 1;
        }
        if (!this.header.has(Key.REVISION_ID)) {
            String where = headerStarted && headerEndLine <= lineNo
                    ? " (the header is the first block of '--' lines and ends before line " + headerEndLine
                            + "; do not separate its lines with blank lines)"
                    : "";
            throw error(1, "Missing 'Revision ID' in the header" + where + "; start the file with a comment block "
                    + "such as '-- <message>', '-- Revision ID: <id>', '-- Revises: <parent id>'");
        }
        if (upgradeMarker < 0) {
            throw error(headerEndLine, "Missing '-- migrate:upgrade' marker; put a line '-- migrate:upgrade' after "
                    + "the header, followed by the upgrade SQL");
        }
        if (headerEnd < upgradeMarker && !isBlank(t, headerEnd, upgradeMarker)) {
            List<SqlStatement> stray = SqlSplitter.split(this.file, t, headerEnd, upgradeMarker, headerEndLine);
            if (!stray.isEmpty()) {
                throw error(stray.get(0).line(), "SQL before '-- migrate:upgrade' (line " + upgradeMarkerLine
                        + "); move it below the marker");
            }
        }
        return build(t, upgradeStart, upgradeMarkerLine, downgradeMarker, downgradeStart, downgradeMarkerLine);
    }

    private RevisionScript build(String t, int upgradeStart, int upgradeMarkerLine, int downgradeMarker,
            int downgradeStart, int downgradeMarkerLine) {
        ScriptHeader h = this.header;
        String id = h.value(Key.REVISION_ID);
        int idLine = h.line(Key.REVISION_ID);
        if (id.isEmpty()) {
            throw error(idLine,
                    "'Revision ID' is empty; give the revision a unique id, e.g. '-- Revision ID: 3f2a9c1b7d4e'");
        }
        h.checkId(id, idLine, "Revision ID");
        List<String> revises = h.list(Key.REVISES);
        for (int i = 0; i < revises.size(); i++) {
            h.checkId(revises.get(i), h.line(Key.REVISES), "Revises");
        }
        List<String> labelList = h.list(Key.BRANCH_LABELS);
        Set<String> labels = labelList.isEmpty() ? Set.of() : new LinkedHashSet<>(labelList);
        List<String> dependsOn = h.list(Key.DEPENDS_ON);
        boolean transactional = h.bool(Key.TRANSACTIONAL, true);
        Duration lockTimeout = h.duration(Key.LOCK_TIMEOUT);
        Duration statementTimeout = h.duration(Key.STATEMENT_TIMEOUT);
        String createDate = h.value(Key.CREATE_DATE);
        if (createDate != null && createDate.isEmpty()) {
            createDate = null;
        }
        Revision revision = new Revision(id, revises, labels, dependsOn, this.message, this.file);
        Squash squash = squash(id);
        boolean deferred = h.bool(Key.DEFERRED, false);
        Phase phase = h.phase();
        boolean placeholders = h.bool(Key.PLACEHOLDERS, true);
        int upgradeEnd = downgradeMarker >= 0 ? downgradeMarker : t.length();
        return new RevisionScript(revision, this.file, createDate, transactional, deferred, phase, placeholders,
                lockTimeout, statementTimeout, squash,
                this.contentHash, this.hashesText, t,
                upgradeStart, upgradeEnd, upgradeMarkerLine + 1, downgradeStart, t.length(), downgradeMarkerLine + 1);
    }

    /** The {@code Squashes} and {@code Squashed Checksum} lines, or {@code null} without them. */
    private Squash squash(String id) {
        ScriptHeader h = this.header;
        List<String> squashed = h.list(Key.SQUASHES);
        List<String> checksums = h.list(Key.SQUASHED_CHECKSUM);
        if (squashed.isEmpty()) {
            if (h.has(Key.SQUASHED_CHECKSUM)) {
                throw error(h.line(Key.SQUASHED_CHECKSUM), "'Squashed Checksum' without 'Squashes'; a squashed"
                        + " script names the revisions it replaced on a 'Squashes' line, or has neither line");
            }
            return null;
        }
        for (String replaced : squashed) {
            h.checkId(replaced, h.line(Key.SQUASHES), "Squashes");
            if (replaced.equals(id)) {
                throw error(h.line(Key.SQUASHES), "'Squashes' names the script's own revision " + id
                        + "; it lists only the revisions the script replaced");
            }
        }
        return new Squash(squashed, checksums);
    }

    /**
     * Handles the text after {@code --} on a header line. The line is looked at in place: a
     * {@code Key: value} line costs one substring (its value).
     */
    private void headerLine(int from, int to, int lineNo) {
        String t = this.text;
        int start = stripStart(from, to);
        int end = stripEnd(start, to);
        if (start == end) {
            return;
        }
        int colon = t.indexOf(':', start);
        if (colon >= end) {
            colon = -1;
        }
        Key key = colon < 0 ? null : key(start, colon);
        if (!this.messageSeen) {
            this.messageSeen = true;
            if (key == null) {
                this.message = t.substring(start, end);
                return;
            }
        }
        if (key != null && !this.header.has(key)) {
            this.header.put(key, t.substring(stripStart(colon + 1, end), end), lineNo);
            return;
        }
        if (colon < 0) {
            throw error(lineNo, "Header line '" + t.substring(start, end) + "' is not 'Key: value'; known keys are "
                    + ScriptHeader.KNOWN_KEYS + ". Separate other comments from the header with a blank line");
        }
        if (key == null) {
            throw error(lineNo, "Unknown header key '" + t.substring(start, colon).strip() + "'; known keys are "
                    + ScriptHeader.KNOWN_KEYS + ". Separate other comments from the header with a blank line");
        }
        throw error(lineNo, "Duplicate header key '" + key.label + "' (first on line " + this.header.line(key)
                + "); keep one");
    }

    /**
     * Whether [from, to) holds only what the SQL lexer skips as blanks (usually the blank line between
     * header and marker): then there is no stray SQL to look for.
     */
    private static boolean isBlank(String t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!SqlLexer.isSpace(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The first position in [from, to) that is not whitespace ({@link String#strip()}'s test), or {@code to}. */
    private int stripStart(int from, int to) {
        int i = from;
        while (i < to && Character.isWhitespace(this.text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The end of [from, to) without trailing whitespace ({@link String#strip()}'s test). */
    private int stripEnd(int from, int to) {
        int i = to;
        while (i > from && Character.isWhitespace(this.text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /**
     * The key spelled by the text in [from, colon), compared in place as {@link #normaliseKey} would:
     * trimmed, blank runs as one space, case-insensitive. Non-ASCII text takes the general path.
     */
    private Key key(int from, int colon) {
        String t = this.text;
        int end = stripEnd(from, colon);
        for (int i = from; i < end; i++) {
            if (t.charAt(i) >= 0x80) {
                return ScriptHeader.KEYS.get(normaliseKey(t.substring(from, colon)));
            }
        }
        for (Key key : ScriptHeader.KEY_VALUES) {
            if (spells(key.lower, from, end)) {
                return key;
            }
        }
        return null;
    }

    /** Whether the ASCII text in [from, end) is the lower-case label, blank runs counting as one space. */
    private boolean spells(String label, int from, int end) {
        String t = this.text;
        int i = from;
        for (int j = 0; j < label.length(); j++) {
            if (i >= end) {
                return false;
            }
            char expected = label.charAt(j);
            char c = t.charAt(i);
            if (expected == ' ') {
                if (c != ' ' && c != '\t') {
                    return false;
                }
                while (i < end && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
                    i++;
                }
                continue;
            }
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != expected) {
                return false;
            }
            i++;
        }
        return i == end;
    }

    private static String normaliseKey(String raw) {
        String key = raw.strip().toLowerCase(Locale.ROOT);
        if (key.indexOf("  ") < 0 && key.indexOf('\t') < 0) {
            return key;
        }
        StringBuilder out = new StringBuilder(key.length());
        boolean space = false;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == ' ' || c == '\t') {
                space = true;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Which marker the text after {@code --} is: whitespace-tolerant, case-insensitive. */
    private int marker(int from, int to) {
        String t = this.text;
        int i = skipBlanks(from, to);
        if (!t.regionMatches(true, i, "migrate", 0, 7)) {
            return NO_MARKER;
        }
        i = skipBlanks(i + 7, to);
        if (i >= to || t.charAt(i) != ':') {
            return NO_MARKER;
        }
        i = skipBlanks(i + 1, to);
        int kind;
        if (t.regionMatches(true, i, "upgrade", 0, 7)) {
            kind = UPGRADE;
            i += 7;
        } else if (t.regionMatches(true, i, "downgrade", 0, 9)) {
            kind = DOWNGRADE;
            i += 9;
        } else {
            return NO_MARKER;
        }
        return i <= to && skipBlanks(i, to) == to ? kind : NO_MARKER;
    }

    private int skipBlanks(int from, int to) {
        int i = from;
        while (i < to && Character.isWhitespace(this.text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The error; before a revision id is known, with where to read about another tool's migration. */
    private ScriptFormatException error(int line, String problem) {
        String hint = this.header.has(Key.REVISION_ID) ? "" : OtherToolFiles.hint(this.file, this.text);
        return new ScriptFormatException(this.file, line, problem + hint);
    }
}

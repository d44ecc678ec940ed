package io.samokoder.migrations.squash;

import io.samokoder.migrations.script.RevisionScript;
import java.util.List;

/**
 * A squash made by {@link Squasher}: the text of the one script that replaces a revision and every revision it needs,
 * and what it replaces. Nothing is written: the caller puts the text where the last revision's script was and removes
 * the replaced scripts.
 *
 * @param revision the squash's revision id (that of the last revision squashed)
 * @param text the script, header included
 * @param replaced the scripts squashed, in the order they ran, the last one ({@code revision}'s) included
 * @param notes what the squash changed beyond concatenating (a transaction given up, a downgrade part left out,
 *     Java revisions whose classes must be deleted); empty when nothing
 */
public record SquashedScript(String revision, String text, List<RevisionScript> replaced, List<String> notes) {

    /** Copies the lists. */
    public SquashedScript {
        replaced = List.copyOf(replaced);
        notes = List.copyOf(notes);
    }

    /** The script of {@link #revision()} before the squash: an SQL file or a Java revision. */
    public RevisionScript last() {
        return this.replaced.get(this.replaced.size() - 1);
    }
}

package io.samokoder.migrations.maven;

import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters that {@code revision} and {@code merge} share: the new script's message, labels, id and phase.
 */
public abstract class AbstractNewScriptMojo extends AbstractMigrationsMojo {

    /** The message (the header's first line and the file name's slug). Required. */
    @Parameter(property = "samokoder.message")
    private String message;

    /** Comma-separated branch labels of the new revision. */
    @Parameter(property = "samokoder.branchLabel")
    private String branchLabel;

    /** The revision id; default: 12 random hex digits. */
    @Parameter(property = "samokoder.revId")
    private String revId;

    /** Declare a contract revision ({@code -- Phase: contract}): it drops what only the previous build uses. */
    @Parameter(property = "samokoder.contract", defaultValue = "false")
    private boolean contract;

    /** The message, or a failure naming the property with an example. */
    String message(String example) throws MojoFailureException {
        return required(this.message, "samokoder.message", example);
    }

    List<String> branchLabels() {
        return words(this.branchLabel);
    }

    String revId() {
        return this.revId;
    }

    boolean contract() {
        return this.contract;
    }
}

package io.samokoder.migrations.autoconfigure;

import java.util.List;

/**
 * The configured target is below the database's current revision, and downgrades at start-up are
 * not allowed ({@code samokoder.migrations.allow-downgrade=false}). The engine's
 * {@link io.samokoder.migrations.DowngradeNotAllowedException} with a message that names the
 * properties.
 */
public class DowngradeNotAllowedException extends io.samokoder.migrations.DowngradeNotAllowedException {

    private static final long serialVersionUID = 1L;

    DowngradeNotAllowedException(io.samokoder.migrations.DowngradeNotAllowedException refused) {
        this(refused.target(), refused.current(), refused.revisions());
    }

    DowngradeNotAllowedException(String target, List<String> current, List<String> revisions) {
        super("samokoder.migrations.target=" + target + " is below the current revision(s) " + current
                + ": reaching it would downgrade " + revisions.size() + " revision(s) " + revisions
                + " and may drop data, and downgrades at start-up are off (samokoder.migrations.allow-downgrade=false)",
                target, current, revisions);
    }
}

package io.samokoder.migrations.maven;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** A yes/no parameter with a value Maven would read as false is refused before anything runs. */
class FlagsTest {

    @Test
    void onlyTrueAndFalseAreTakenForAFlag() {
        assertDoesNotThrow(() -> AbstractMigrationsMojo.checkFlags(Map.of("samokoder.dryRun", "true",
                "samokoder.sql", "FALSE", "samokoder.verbose", "")::get));
        MojoFailureException yes = assertThrows(MojoFailureException.class,
                () -> AbstractMigrationsMojo.checkFlags(Map.of("samokoder.dryRun", "yes")::get));
        assertEquals("-Dsamokoder.dryRun=yes is neither true nor false; nothing was run. Give -Dsamokoder.dryRun"
                + " (or =true) to turn it on, =false or nothing to leave it off", yes.getMessage());
        MojoFailureException one = assertThrows(MojoFailureException.class,
                () -> AbstractMigrationsMojo.checkFlags(Map.of("samokoder.sql", "1")::get));
        assertTrue(one.getMessage().startsWith("-Dsamokoder.sql=1 is neither true nor false"), one.getMessage());
        MojoFailureException hold = assertThrows(MojoFailureException.class,
                () -> AbstractMigrationsMojo.checkFlags(Map.of("samokoder.holdContract", "on")::get));
        assertTrue(hold.getMessage().startsWith("-Dsamokoder.holdContract=on is neither true nor false"),
                hold.getMessage());
    }
}

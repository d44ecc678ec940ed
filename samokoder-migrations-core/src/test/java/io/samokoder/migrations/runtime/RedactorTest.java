package io.samokoder.migrations.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Credentials leave a driver's text; what says whether one was sent stays. No database. */
class RedactorTest {

    @Test
    void hidesPasswordsAndKeepsWhetherOneWasSent() {
        assertThat(Redactor.redact("jdbc:postgresql://h/db?user=u&password=S3cret&ssl=true"))
            .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
        assertThat(Redactor.redact("jdbc:mariadb://u:S3cret@h/db")).isEqualTo("jdbc:mariadb://u:***@h/db");
        assertThat(Redactor.redact("Access denied for user 'u'@'h' (using password: NO)"))
            .isEqualTo("Access denied for user 'u'@'h' (using password: NO)");
        assertThat(Redactor.redact("Access denied for user 'u'@'h' (using password: YES)"))
            .isEqualTo("Access denied for user 'u'@'h' (using password: YES)");
        assertThat(Redactor.redact("password: NOPE)")).isEqualTo("password: ***)");
    }
}

package io.samokoder.migrations.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Alembic's slug and file_template (spec §6.4). */
class FileNamesTest {

    static final LocalDateTime WHEN = LocalDateTime.of(2026, 3, 4, 5, 6, 7);

    @Test
    void slug() {
        assertEquals("add_users_table", FileNames.slug("Add users table!"));
        assertEquals("", FileNames.slug(null));
        assertEquals("über_straße_2", FileNames.slug("Über  Straße, 2"));
        assertEquals("one_two_three_four_five_six_seven_eight_", FileNames.slug(
                "one two three four five six seven eight nine ten"));
    }

    @Test
    void template() {
        assertEquals("ab12_add_users.sql", FileNames.fileName(null, "ab12", "add users", WHEN));
        assertEquals("2026_03_04_0506_07_ab12_add_users_%.sql", FileNames.fileName(
                "%(year)d_%(month).2d_%(day).2d_%(hour).2d%(minute).2d_%(second)02d_%(rev)s_%(slug)s_%%", "ab12",
                "add users", WHEN));
    }
}

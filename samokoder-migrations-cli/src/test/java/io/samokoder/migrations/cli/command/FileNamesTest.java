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

    /** What Alembic 1.8.1 (Python's {@code \w+} and {@code str.lower()}) wrote for each message. */
    @Test
    void slugOfUnicodeMessagesAsAlembics() {
        assertEquals("x²_plus_½", FileNames.slug("x\u00b2 plus \u00bd"));
        assertEquals("cafe_au_lait", FileNames.slug("cafe\u0301 au lait"));
        assertEquals("tie_bar", FileNames.slug("tie\u203fbar"));
        assertEquals("\u0915_\u0930_devanagari", FileNames.slug("\u0915\u093e\u0930 devanagari"));
        assertEquals("zwj_nonjoiner", FileNames.slug("\u200d zwj\u200cnonjoiner"));
        assertEquals("\u03bf\u03b4\u03bf\u03c2_greek", FileNames.slug("\u039f\u0394\u039f\u03a3 greek"));
        assertEquals("\u03c3\u03b1\u03c2_x_\u03bf\u03b4\u03bf\u03c22", FileNames.slug("\u03a3\u0391\u03a3_x \u039f\u0394\u039f\u03a32"));
        // 40 characters, not UTF-16 units: 26 letters outside the BMP are not cut, 41 are, between two of them.
        String astral = new String(Character.toChars(0x20000));
        assertEquals("a" + astral.repeat(25), FileNames.slug("a" + astral.repeat(25)));
        assertEquals(astral.repeat(40) + "_", FileNames.slug(astral.repeat(41)));
    }

    @Test
    void template() {
        assertEquals("ab12_add_users.sql", FileNames.fileName(null, "ab12", "add users", WHEN));
        assertEquals("2026_03_04_0506_07_ab12_add_users_%.sql", FileNames.fileName(
                "%(year)d_%(month).2d_%(day).2d_%(hour).2d%(minute).2d_%(second)02d_%(rev)s_%(slug)s_%%", "ab12",
                "add users", WHEN));
    }
}

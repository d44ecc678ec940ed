package io.samokoder.migrations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** URL masking and location parsing. */
class SmallPartsTest {

    @Test
    void masksPasswordsInUrls() {
        assertEquals("jdbc:postgresql://db:5432/app?user=u&password=***&ssl=true",
                Urls.mask("jdbc:postgresql://db:5432/app?user=u&password=secret&ssl=true"));
        assertEquals("jdbc:postgresql://u:***@db/app", Urls.mask("jdbc:postgresql://u:secret@db/app"));
        assertEquals("jdbc:postgresql://db/app", Urls.mask("jdbc:postgresql://db/app"));
    }

    @Test
    void locations() {
        assertEquals(List.of("filesystem:db", "filesystem:/x", "classpath:db/migrations", "filesystem:/y"),
                Locations.parse("db, file:/x,classpath:db/migrations,filesystem:/y"));
    }
}

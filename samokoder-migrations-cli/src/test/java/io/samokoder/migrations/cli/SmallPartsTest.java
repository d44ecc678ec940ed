package io.samokoder.migrations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** URL masking, secrets and location parsing. */
class SmallPartsTest {

    @Test
    void masksPasswordsInUrls() {
        assertEquals("jdbc:postgresql://db:5432/app?user=u&password=***&ssl=true",
                Urls.mask("jdbc:postgresql://db:5432/app?user=u&password=secret&ssl=true"));
        assertEquals("jdbc:postgresql://u:***@db/app", Urls.mask("jdbc:postgresql://u:secret@db/app"));
        assertEquals("jdbc:postgresql://db/app", Urls.mask("jdbc:postgresql://db/app"));
    }

    @Test
    void hidesTheSecretsOfAUrlWhereADriverQuotesThem() {
        List<String> secrets = Urls.secrets("jdbc:mariadb://root:Secr3tPW@db:3306/x?password=other1&ssl=true", "given");
        assertEquals(List.of("given", "Secr3tPW", "other1"), secrets);
        assertEquals("Incorrect port value : ***@db, *** and *** are secrets",
                Urls.hide("Incorrect port value : Secr3tPW@db, other1 and given are secrets", secrets));
        // A short password is hidden only before an @, so that the letters of a message stay readable.
        assertEquals("bad host: ***@db in a message", Urls.hide("bad host: ab@db in a message", List.of("ab")));
        assertEquals(List.of(), Urls.secrets("jdbc:h2:mem:x", null));
    }

    @Test
    void locations() {
        assertEquals(List.of("filesystem:db", "filesystem:/x", "classpath:db/migrations", "filesystem:/y"),
                Locations.parse("db, file:/x,classpath:db/migrations,filesystem:/y"));
    }
}

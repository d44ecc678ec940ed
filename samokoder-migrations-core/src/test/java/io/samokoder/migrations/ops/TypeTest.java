package io.samokoder.migrations.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samokoder.migrations.dialect.h2.H2Dialect;
import io.samokoder.migrations.dialect.mariadb.MariaDbDialect;
import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeTest {

    @Test
    void portableTypesReadAsBeforeSqlTypesExistedSoJavaRevisionChecksumsStayTheSame() {
        assertEquals("Type[kind=STRING, length=255, precision=0, scale=0, enumName=, values=[]]",
                Type.string(255).toString());
        assertEquals("Type[kind=ENUM, length=0, precision=0, scale=0, enumName=status, values=[a, b]]",
                Type.enumOf("status", "a", "b").toString());
    }

    @Test
    void aSqlTypeIsWrittenAsGivenByEveryDialect() {
        Type inet = Type.sql(" inet ");
        assertEquals("inet", inet.sql());
        assertTrue(inet.toString().endsWith(", sql=inet]"));
        Operation add = new Operation.AddColumn("hosts", Column.of("address", inet));
        assertEquals(List.of("ALTER TABLE hosts ADD COLUMN address inet"),
                PostgresDialect.INSTANCE.operations().render(add));
        assertEquals(List.of("ALTER TABLE hosts ADD COLUMN address inet"),
                H2Dialect.INSTANCE.operations().render(add));
        assertEquals(List.of("ALTER TABLE hosts ADD COLUMN address inet"),
                MariaDbDialect.INSTANCE.operations().render(add));
    }

    @Test
    void aSqlTypeNeedsItsTextAndOnlyItHasOne() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> Type.sql(" "));
        assertTrue(blank.getMessage().contains("Type.sql(\"inet\")"), blank.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Type(TypeKind.TEXT, 0, 0, 0, "", List.of(), "text"));
    }
}

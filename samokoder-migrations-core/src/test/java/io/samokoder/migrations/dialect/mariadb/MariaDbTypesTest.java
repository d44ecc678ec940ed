package io.samokoder.migrations.dialect.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.ops.Type;
import org.junit.jupiter.api.Test;

/** MariaDB/MySQL column types as the portable types the renderer writes them from. */
class MariaDbTypesTest {

    @Test
    void portableTypesAreRecognised() {
        assertThat(MariaDbTypes.type("c", "tinyint(1)", false)).isEqualTo(Type.BOOLEAN);
        assertThat(MariaDbTypes.type("c", "bit(1)", false)).isEqualTo(Type.BOOLEAN);
        assertThat(MariaDbTypes.type("c", "char(36)", false)).isEqualTo(Type.UUID);
        assertThat(MariaDbTypes.type("c", "int(11)", false)).isEqualTo(Type.INTEGER);
        assertThat(MariaDbTypes.type("c", "bigint", false)).isEqualTo(Type.BIGINT);
        assertThat(MariaDbTypes.type("c", "decimal(19,2)", false)).isEqualTo(Type.numeric(19, 2));
        assertThat(MariaDbTypes.type("c", "datetime(6)", false)).isEqualTo(Type.TIMESTAMP);
        assertThat(MariaDbTypes.type("c", "timestamp", false)).isEqualTo(Type.TIMESTAMPTZ);
        assertThat(MariaDbTypes.type("c", "longtext", true)).isEqualTo(Type.JSON);
        assertThat(MariaDbTypes.type("c", "json", false)).isEqualTo(Type.JSON);
        assertThat(MariaDbTypes.type("state", "enum('a','it''s')", false)).isEqualTo(Type.enumOf("state", "a", "it's"));
    }

    @Test
    void otherTypesAreTheirSqlText() {
        assertThat(MariaDbTypes.type("c", "longtext", false)).isEqualTo(Type.sql("longtext"));
        assertThat(MariaDbTypes.type("c", "int(10) unsigned", false)).isEqualTo(Type.sql("int(10) unsigned"));
        assertThat(MariaDbTypes.type("c", "char(2)", false)).isEqualTo(Type.sql("char(2)"));
    }
}

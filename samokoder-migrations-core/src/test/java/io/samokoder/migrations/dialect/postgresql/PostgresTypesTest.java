package io.samokoder.migrations.dialect.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.ops.Type;
import org.junit.jupiter.api.Test;

/** PostgreSQL's type names as the portable types the renderer writes them from. */
class PostgresTypesTest {

    @Test
    void portableTypesAreRecognised() {
        assertThat(PostgresTypes.type("character varying(255)")).isEqualTo(Type.string(255));
        assertThat(PostgresTypes.type("character varying")).isEqualTo(Type.string());
        assertThat(PostgresTypes.type("numeric(12,4)")).isEqualTo(Type.numeric(12, 4));
        assertThat(PostgresTypes.type("timestamp(3) with time zone")).isEqualTo(Type.TIMESTAMPTZ);
        assertThat(PostgresTypes.type("timestamp without time zone")).isEqualTo(Type.TIMESTAMP);
        assertThat(PostgresTypes.type("time(6) without time zone")).isEqualTo(Type.TIME);
        assertThat(PostgresTypes.type("double precision")).isEqualTo(Type.DOUBLE);
    }

    @Test
    void otherTypesAreTheirSqlText() {
        assertThat(PostgresTypes.type("time with time zone")).isEqualTo(Type.sql("time with time zone"));
        assertThat(PostgresTypes.type("numeric")).isEqualTo(Type.sql("numeric"));
        assertThat(PostgresTypes.type("character(3)")).isEqualTo(Type.sql("character(3)"));
        assertThat(PostgresTypes.type("integer[]")).isEqualTo(Type.sql("integer[]"));
    }
}

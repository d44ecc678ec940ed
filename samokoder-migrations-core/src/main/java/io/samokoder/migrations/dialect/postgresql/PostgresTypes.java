package io.samokoder.migrations.dialect.postgresql;

import io.samokoder.migrations.ops.Type;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's {@code format_type} text as the portable {@link Type} that {@link PostgresOperationRenderer}
 * writes as that type: {@code character varying(255)} is {@code Type.string(255)}, {@code numeric(10,2)}
 * {@code Type.numeric(10, 2)}; times and timestamps of any fractional precision are TIME, TIMESTAMP and
 * TIMESTAMPTZ. Anything else is {@code Type.sql} of the text.
 */
final class PostgresTypes {

    private static final Map<String, Type> SIMPLE = Map.ofEntries(
            Map.entry("uuid", Type.UUID),
            Map.entry("character varying", Type.string()),
            Map.entry("text", Type.TEXT),
            Map.entry("smallint", Type.SMALLINT),
            Map.entry("integer", Type.INTEGER),
            Map.entry("bigint", Type.BIGINT),
            Map.entry("boolean", Type.BOOLEAN),
            Map.entry("real", Type.FLOAT),
            Map.entry("double precision", Type.DOUBLE),
            Map.entry("date", Type.DATE),
            Map.entry("json", Type.JSON),
            Map.entry("jsonb", Type.JSONB),
            Map.entry("bytea", Type.BYTES));

    private static final Set<String> NUMERIC_TYPES = Set.of("smallint", "integer", "bigint", "numeric", "real",
            "double precision", "int2", "int4", "int8", "float4", "float8");

    private static final Pattern VARCHAR = Pattern.compile("character varying\\((\\d+)\\)");
    private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");
    private static final Pattern TEMPORAL = Pattern.compile("(time|timestamp)(?:\\(\\d\\))? (with|without) time zone");

    private PostgresTypes() {
    }

    /** The portable type of this {@code format_type} text. */
    static Type type(String shown) {
        Type simple = SIMPLE.get(shown);
        if (simple != null) {
            return simple;
        }
        Matcher m = VARCHAR.matcher(shown);
        if (m.matches()) {
            return Type.string(Integer.parseInt(m.group(1)));
        }
        m = NUMERIC.matcher(shown);
        if (m.matches()) {
            return Type.numeric(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = TEMPORAL.matcher(shown);
        if (m.matches()) {
            boolean zoned = "with".equals(m.group(2));
            if ("time".equals(m.group(1))) {
                return zoned ? Type.sql(shown) : Type.TIME;
            }
            return zoned ? Type.TIMESTAMPTZ : Type.TIMESTAMP;
        }
        return Type.sql(shown);
    }

    /** Whether a cast to this type name makes a number (so {@code '-1'::integer} is the number -1). */
    static boolean isNumeric(String typeName) {
        return NUMERIC_TYPES.contains(typeName.strip());
    }
}

package io.samokoder.migrations.dialect.mariadb;

import io.samokoder.migrations.ops.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MariaDB/MySQL {@code column_type} as the portable {@link Type} that {@link MariaDbOperationRenderer}
 * writes as that type: {@code tinyint(1)} (and {@code bit(1)}, Hibernate's boolean) is BOOLEAN, {@code char(36)} UUID, {@code datetime(6)} TIMESTAMP,
 * {@code timestamp(6)} TIMESTAMPTZ (times and timestamps of any fractional precision), {@code longblob}
 * BYTES, an {@code enum(...)} an enum named after its column (these databases do not name enum types).
 * Integer display widths are ignored. Anything else, unsigned integers included, is {@code Type.sql} of the
 * text.
 */
final class MariaDbTypes {

    private static final Map<String, Type> SIMPLE = Map.ofEntries(
            Map.entry("char(36)", Type.UUID),
            Map.entry("text", Type.TEXT),
            Map.entry("tinyint(1)", Type.BOOLEAN),
            Map.entry("bit(1)", Type.BOOLEAN),
            Map.entry("float", Type.FLOAT),
            Map.entry("double", Type.DOUBLE),
            Map.entry("date", Type.DATE),
            Map.entry("json", Type.JSON),
            Map.entry("longblob", Type.BYTES));

    private static final Pattern INTEGER = Pattern.compile("(smallint|int|bigint)(?:\\(\\d+\\))?");
    private static final Pattern VARCHAR = Pattern.compile("varchar\\((\\d+)\\)");
    private static final Pattern DECIMAL = Pattern.compile("decimal\\((\\d+),(\\d+)\\)");
    private static final Pattern TEMPORAL = Pattern.compile("(time|datetime|timestamp)(?:\\(\\d\\))?");
    private static final Pattern ENUM = Pattern.compile("enum\\((.*)\\)", Pattern.DOTALL);
    private static final Pattern ENUM_VALUE = Pattern.compile("'((?:[^'\\\\]|''|\\\\.)*)'");

    private MariaDbTypes() {
    }

    /**
     * The portable type of a column.
     *
     * @param column     the column name (an enum's type name)
     * @param columnType its {@code column_type}
     * @param jsonCheck  whether a {@code json_valid} check guards it (MariaDB's JSON is such a longtext)
     */
    static Type type(String column, String columnType, boolean jsonCheck) {
        String shown = columnType.strip();
        String lower = shown.toLowerCase(Locale.ROOT);
        if (jsonCheck && "longtext".equals(lower)) {
            return Type.JSON;
        }
        Type simple = SIMPLE.get(lower);
        if (simple != null) {
            return simple;
        }
        Matcher m = INTEGER.matcher(lower);
        if (m.matches()) {
            return switch (m.group(1)) {
                case "smallint" -> Type.SMALLINT;
                case "int" -> Type.INTEGER;
                default -> Type.BIGINT;
            };
        }
        if ((m = VARCHAR.matcher(lower)).matches()) {
            return Type.string(Integer.parseInt(m.group(1)));
        }
        if ((m = DECIMAL.matcher(lower)).matches()) {
            return Type.numeric(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if ((m = TEMPORAL.matcher(lower)).matches()) {
            return switch (m.group(1)) {
                case "time" -> Type.TIME;
                case "datetime" -> Type.TIMESTAMP;
                default -> Type.TIMESTAMPTZ;
            };
        }
        if ((m = ENUM.matcher(shown)).matches() && lower.startsWith("enum(")) {
            return Type.enumOf(column, values(m.group(1)).toArray(String[]::new));
        }
        return Type.sql(shown);
    }

    /** Whether values of this type are numbers, whose defaults are shown bare. */
    static boolean isNumber(Type type) {
        return switch (type.kind()) {
            case SMALLINT, INTEGER, BIGINT, NUMERIC, FLOAT, DOUBLE, BOOLEAN -> true;
            default -> false;
        };
    }

    private static List<String> values(String list) {
        List<String> out = new ArrayList<>();
        Matcher m = ENUM_VALUE.matcher(list);
        while (m.find()) {
            out.add(m.group(1).replace("''", "'").replace("\\\\", "\\"));
        }
        return out;
    }
}

package io.samokoder.migrations.ops;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * A Java value captured for a literal in {@code execute} binds and {@code bulkInsert} rows: its kind
 * and a canonical text, so that the recorded operation's text is deterministic.
 *
 * @param kind the kind of value
 * @param text the canonical text (see {@link ValueKind}); empty for null
 */
public record SqlValue(ValueKind kind, String text) {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    /**
     * Captures a value: null, String, Character, Boolean, any Number (not NaN or infinite), UUID,
     * LocalDate, LocalTime, LocalDateTime, OffsetDateTime, ZonedDateTime, Instant (as UTC), byte[], or an
     * enum constant (its name).
     *
     * @throws IllegalArgumentException for another type, naming it
     */
    public static SqlValue of(Object value) {
        if (value == null) {
            return new SqlValue(ValueKind.NULL, "");
        } else if (value instanceof CharSequence || value instanceof Character) {
            return new SqlValue(ValueKind.STRING, value.toString());
        } else if (value instanceof Enum<?> e) {
            return new SqlValue(ValueKind.STRING, e.name());
        } else if (value instanceof Boolean b) {
            return new SqlValue(ValueKind.BOOLEAN, b.toString());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("The value " + value + " has no SQL literal; use a SQL expression");
            }
            return new SqlValue(ValueKind.NUMBER, new BigDecimal(value.toString()).toPlainString());
        } else if (value instanceof BigDecimal d) {
            return new SqlValue(ValueKind.NUMBER, d.toPlainString());
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            return new SqlValue(ValueKind.NUMBER, value.toString());
        } else if (value instanceof java.util.UUID u) {
            return new SqlValue(ValueKind.UUID, u.toString());
        } else if (value instanceof LocalDate d) {
            return new SqlValue(ValueKind.DATE, d.toString());
        } else if (value instanceof LocalTime t) {
            return new SqlValue(ValueKind.TIME, t.toString());
        } else if (value instanceof LocalDateTime t) {
            return new SqlValue(ValueKind.TIMESTAMP, timestamp(t));
        } else if (value instanceof OffsetDateTime t) {
            return new SqlValue(ValueKind.TIMESTAMPTZ, timestamp(t.toLocalDateTime()) + t.getOffset().getId().replace("Z", "+00:00"));
        } else if (value instanceof ZonedDateTime t) {
            return of(t.toOffsetDateTime());
        } else if (value instanceof Instant i) {
            return of(i.atOffset(ZoneOffset.UTC));
        } else if (value instanceof byte[] bytes) {
            return new SqlValue(ValueKind.BYTES, HexFormat.of().formatHex(bytes));
        }
        throw new IllegalArgumentException("A value of type " + value.getClass().getName() + " has no SQL literal;"
                + " use String, Boolean, a Number, UUID, java.time dates and times, byte[] or an enum");
    }

    private static String timestamp(LocalDateTime t) {
        String text = SECONDS.format(t);
        int micros = t.getNano() / 1000;
        if (micros == 0) {
            return text;
        }
        String fraction = String.format("%06d", micros).replaceAll("0+$", "");
        return text + "." + fraction;
    }
}

package io.samokoder.migrations.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class SqlValueTest {

    enum Color { RED }

    @Test
    void canonicalTexts() {
        assertThat(SqlValue.of(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_000))).isEqualTo(
                new SqlValue(ValueKind.TIMESTAMP, "2024-01-02 03:04:05.000123"));
        assertThat(SqlValue.of(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC)).text())
                .isEqualTo("2024-01-02 03:04:05+00:00");
        assertThat(SqlValue.of(Instant.parse("2024-01-02T03:04:05.5Z")).text()).isEqualTo("2024-01-02 03:04:05.5+00:00");
        assertThat(SqlValue.of(ZonedDateTime.of(2024, 7, 1, 12, 0, 0, 0, ZoneId.of("Europe/Berlin"))).text())
                .isEqualTo("2024-07-01 12:00:00+02:00");
        assertThat(SqlValue.of(LocalTime.of(9, 30))).isEqualTo(new SqlValue(ValueKind.TIME, "09:30"));
        assertThat(SqlValue.of(1e20d).text()).isEqualTo("100000000000000000000");
        assertThat(SqlValue.of(BigInteger.TEN.pow(30)).text()).isEqualTo("1" + "0".repeat(30));
        assertThat(SqlValue.of(Color.RED)).isEqualTo(new SqlValue(ValueKind.STRING, "RED"));
        assertThat(SqlValue.of('c')).isEqualTo(new SqlValue(ValueKind.STRING, "c"));
        assertThat(SqlValue.of(null)).isEqualTo(new SqlValue(ValueKind.NULL, ""));
        assertThatThrownBy(() -> SqlValue.of(Double.NaN)).hasMessageContaining("has no SQL literal");
    }
}

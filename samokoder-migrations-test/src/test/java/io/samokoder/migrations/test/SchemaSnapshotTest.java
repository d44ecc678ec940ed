package io.samokoder.migrations.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchemaSnapshotTest {

    @Test
    void differencesAreSortedAndATableLeftIsReportedOnce() {
        SchemaSnapshot before = SchemaSnapshot.builder()
            .add("table users", "table", null)
            .add("column users.email", "text", "table users")
            .add("column users.name", "text", "table users")
            .add("view v", "SELECT 1", null)
            .build();
        SchemaSnapshot after = SchemaSnapshot.builder()
            .add("table users", "table", null)
            .add("column users.email", "text NOT NULL", "table users")
            .add("column users.name", "varchar", "table users")
            .add("table orders", "table", null)
            .add("column orders.id", "integer", "table orders")
            .add("index ix_orders on orders", "CREATE INDEX ...", "table orders")
            .add("index ix_users_email on users", "CREATE INDEX ...", "table users")
            .build();
        assertThat(before.differencesTo(after)).containsExactly(
                "leaves index ix_users_email on users",
                "leaves table orders",
                "removes view v",
                "changes column users.email: was text, is now text NOT NULL",
                "changes column users.name: was text, is now varchar");
        assertThat(after.differencesTo(after)).isEmpty();
    }
}

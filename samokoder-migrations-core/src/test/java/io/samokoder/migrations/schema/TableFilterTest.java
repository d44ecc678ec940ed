package io.samokoder.migrations.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableFilterTest {

    @Test
    void anExcludedTablesSequenceIsLeftOutOfTheModelAsOutOfTheDatabase() {
        Schema model = new Schema(List.of(Tables.keyed("tags").build(), Tables.keyed("users").build()),
                List.of(new SchemaSequence("tags_seq", 1, 50), new SchemaSequence("users_seq", 1, 50)));

        Schema filtered = TableFilter.excluding(List.of("tags*")).apply(model);

        assertThat(filtered.tables()).extracting(SchemaTable::name).containsExactly("users");
        assertThat(filtered.sequences()).extracting(SchemaSequence::name).containsExactly("users_seq");
    }
}

package io.samokoder.migrations.schema;

import java.util.List;
import java.util.Optional;

/**
 * The tables and sequences of one database schema, as {@code revision --autogenerate} compares them: either
 * the application's model (its JPA entities) or the live database's catalog. Names are as the database
 * keeps them once folded: a name the database stores in upper case because it was not quoted (H2) is
 * given in lower case, as SQLAlchemy does, so that a model and a catalog compare name for name.
 *
 * @param tables    the tables, in a stable order (the model's, or the catalog's by name)
 * @param sequences the sequences
 */
public record Schema(List<SchemaTable> tables, List<SchemaSequence> sequences) {

    /** A schema with nothing in it. */
    public static final Schema EMPTY = new Schema(List.of(), List.of());

    /** Copies the lists. */
    public Schema {
        tables = List.copyOf(tables);
        sequences = List.copyOf(sequences);
    }

    /** The table of this name (exact match), if there is one. */
    public Optional<SchemaTable> table(String name) {
        for (SchemaTable table : tables) {
            if (table.name().equals(name)) {
                return Optional.of(table);
            }
        }
        return Optional.empty();
    }

    /** The sequence of this name (exact match), if there is one. */
    public Optional<SchemaSequence> sequence(String name) {
        for (SchemaSequence sequence : sequences) {
            if (sequence.name().equals(name)) {
                return Optional.of(sequence);
            }
        }
        return Optional.empty();
    }
}

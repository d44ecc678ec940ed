package io.samokoder.migrations.schema;

/**
 * A sequence of a {@link Schema}, e.g. the {@code <entity>_seq} that Hibernate's sequence generator uses.
 *
 * @param name      the sequence name
 * @param start     its first value
 * @param increment its increment
 */
public record SchemaSequence(String name, long start, long increment) {

    /** Checks the name is given and the increment is not zero. */
    public SchemaSequence {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A sequence needs a name");
        }
        if (increment == 0) {
            throw new IllegalArgumentException("Sequence " + name + " needs a non-zero increment");
        }
    }
}

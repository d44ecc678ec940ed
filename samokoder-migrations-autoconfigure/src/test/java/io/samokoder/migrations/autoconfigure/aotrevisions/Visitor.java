package io.samokoder.migrations.autoconfigure.aotrevisions;

/** A bean of the application that a Java revision takes in its constructor. */
public record Visitor(String name) {
}

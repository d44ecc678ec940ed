package io.samokoder.migrations.autoconfigure.badrevisions;

import io.samokoder.migrations.java.Revision;

/** Annotated, but not a JavaRevision: scanning its package fails with a message naming it. */
@Revision(id = "x1")
public class NotARevision {
}

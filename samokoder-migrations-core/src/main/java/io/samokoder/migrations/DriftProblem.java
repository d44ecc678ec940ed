package io.samokoder.migrations;

/**
 * A difference between the database and the scripts: a changed applied revision, a re-parented
 * one, or a version row that no script declares.
 *
 * @param revision the revision concerned
 * @param file its script, or empty when there is none
 * @param message what is wrong and how to fix it
 */
public record DriftProblem(String revision, String file, String message) {
}

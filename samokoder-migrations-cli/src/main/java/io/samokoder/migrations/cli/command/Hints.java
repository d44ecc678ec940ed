package io.samokoder.migrations.cli.command;

/**
 * How a front-end's user types the commands that failure messages suggest ("run 'samokoder upgrade
 * heads'"), so that a hint names what that user can run: the command line, the application's command
 * mode or a Maven goal.
 */
public interface Hints {

    /** The command line: {@code samokoder merge heads -m "<message>"}. */
    Hints COMMAND_LINE = new Hints() {
        @Override
        public String merge() {
            return "samokoder merge heads -m \"<message>\"";
        }

        @Override
        public String stampPurge() {
            return "samokoder stamp --purge <revision>";
        }

        @Override
        public String revision() {
            return "samokoder revision -m \"<message>\"";
        }

        @Override
        public String upgrade() {
            return "samokoder upgrade heads";
        }
    };

    /** The application's command mode: {@code --samokoder.migrations.command="upgrade heads"}. */
    Hints COMMAND_MODE = new Hints() {
        @Override
        public String merge() {
            return "samokoder merge heads -m \"<message>\" (the command line, in the project)";
        }

        @Override
        public String stampPurge() {
            return "--samokoder.migrations.command=\"stamp --purge <revision>\"";
        }

        @Override
        public String revision() {
            return "samokoder revision -m \"<message>\" (the command line, in the project)";
        }

        @Override
        public String upgrade() {
            return "--samokoder.migrations.command=\"upgrade heads\"";
        }
    };

    /** How to merge all heads. */
    String merge();

    /** How to replace the version rows. */
    String stampPurge();

    /** How to write a new revision. */
    String revision();

    /** How to upgrade to the heads. */
    String upgrade();
}

package io.samokoder.migrations;

/** A configuration value is invalid; the message names the property and the accepted values. */
public class MigrationConfigurationException extends MigrationException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message naming the property. */
    public MigrationConfigurationException(String message) {
        super(message);
    }
}

package io.samokoder.migrations.cli.command;

import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** JSON through Jackson; this class (and Jackson) is loaded only when JSON is written. */
final class JsonText {

    private static final ObjectWriter WRITER = JsonMapper.builder().build().writerWithDefaultPrettyPrinter();

    private JsonText() {
    }

    static String write(Object value) {
        return WRITER.writeValueAsString(value);
    }
}

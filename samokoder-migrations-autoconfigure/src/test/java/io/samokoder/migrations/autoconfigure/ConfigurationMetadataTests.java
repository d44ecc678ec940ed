package io.samokoder.migrations.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration metadata the build generates, as an IDE shows it: the defaults of the list properties, the
 * health contributor's switch, the dialects hinted, and descriptions in Spring Boot's style.
 */
class ConfigurationMetadataTests {

    private static final String PREFIX = "samokoder.migrations.";

    /** Every property of the metadata, by name. */
    private static Map<String, JsonNode> properties;

    /** Every hint of the metadata, by name. */
    private static Map<String, JsonNode> hints;

    @BeforeAll
    static void read() throws IOException {
        properties = new LinkedHashMap<>();
        hints = new LinkedHashMap<>();
        for (URL url : Collections.list(ConfigurationMetadataTests.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            JsonNode metadata;
            try (InputStream in = url.openStream()) {
                metadata = JsonMapper.builder().build().readTree(in);
            }
            metadata.path("properties").forEach((property) -> properties.put(property.path("name").asString(),
                    property));
            metadata.path("hints").forEach((hint) -> hints.put(hint.path("name").asString(), hint));
        }
        assertThat(properties).containsKey(PREFIX + "locations");
    }

    @Test
    void theListPropertiesDefaultsAreTheirFieldsDefaults() {
        MigrationsProperties defaults = new MigrationsProperties();
        assertThat(strings(properties.get(PREFIX + "locations").get("defaultValue")))
            .isEqualTo(defaults.getLocations());
        assertThat(strings(properties.get(PREFIX + "repeatable-locations").get("defaultValue")))
            .isEqualTo(defaults.getRepeatableLocations());
    }

    @Test
    void theHealthContributorsSwitchIsDeclared() {
        JsonNode enabled = properties.get("management.health.migrations.enabled");
        assertThat(enabled).isNotNull();
        assertThat(enabled.path("type").asString()).isEqualTo("java.lang.Boolean");
        assertThat(enabled.path("defaultValue").isBoolean()).isTrue();
        assertThat(enabled.path("defaultValue").asBoolean()).isTrue();
        assertThat(enabled.path("description").asString()).startsWith("Whether to enable");
    }

    @Test
    void theDialectsHintedAreTheEnginesNames() {
        JsonNode hint = hints.get(PREFIX + "dialect");
        assertThat(hint).isNotNull();
        List<String> hinted = new ArrayList<>();
        hint.path("values").forEach((value) -> hinted.add(value.path("value").asString()));
        assertThat(hinted).containsExactlyElementsOf(List.of(Dialects.names().split(", ")));
        hinted.forEach((name) -> assertThat(Dialects.forName(name)).as(name).isPresent());
    }

    @Test
    void descriptionsFollowSpringBootsStyle() {
        List<String> offending = new ArrayList<>();
        properties.forEach((name, property) -> {
            if (!name.startsWith(PREFIX)) {
                return;
            }
            String description = property.path("description").asString();
            String type = property.path("type").asString();
            if (description.startsWith("The ") || description.startsWith("A ") || description.contains("{@")
                    || (type.startsWith("java.util.List<") && !description.startsWith("Comma-separated list of "))) {
                offending.add(name + ": " + description);
            }
        });
        assertThat(offending).isEmpty();
    }

    private static List<String> strings(JsonNode array) {
        assertThat(array).isNotNull();
        List<String> values = new ArrayList<>();
        array.forEach((value) -> values.add(value.asString()));
        return values;
    }
}

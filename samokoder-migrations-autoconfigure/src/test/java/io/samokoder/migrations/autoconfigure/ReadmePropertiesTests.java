package io.samokoder.migrations.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.testsupport.ProjectDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * README.md's properties table against the configuration metadata that the build generates from
 * {@link MigrationsProperties}: every property has a row, every row names a property, and a default that
 * the metadata knows is the one the row gives.
 */
class ReadmePropertiesTests {

    private static final String PREFIX = "samokoder.migrations.";

    private static final Pattern NAME = Pattern.compile("`([a-z.<>-]+)`");

    /** Per property named in a row of README's table (without the prefix), the row's default cell. */
    private static Map<String, String> readme;

    /** Per property of the metadata (without the prefix), its default as written in README, or null. */
    private static Map<String, String> metadata;

    @BeforeAll
    static void read() throws IOException {
        readme = readmeRows(ProjectDocuments.read("README.md"));
        metadata = metadataDefaults();
    }

    @Test
    void everyPropertyHasARowInTheReadme() {
        assertThat(readme.keySet().stream().map(ReadmePropertiesTests::mapKey).toList())
            .as("README.md's Properties table")
            .containsAll(metadata.keySet());
    }

    @Test
    void everyRowOfTheReadmeNamesAProperty() {
        assertThat(metadata.keySet())
            .as("the properties of MigrationsProperties")
            .containsAll(readme.keySet().stream().map(ReadmePropertiesTests::mapKey).toList());
    }

    @Test
    void theReadmeGivesTheDefaultThatTheMetadataHas() {
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        metadata.forEach((name, value) -> {
            if (value != null) {
                expected.put(name, "`" + value + "`");
                actual.put(name, readme.get(name));
            }
        });
        assertThat(expected).isNotEmpty();
        assertThat(actual).as("README.md's defaults").isEqualTo(expected);
    }

    /**
     * {@code naming-convention.<kind>} is README's row for the map property {@code naming-convention}, and
     * {@code placeholders.<name>} for {@code placeholders}.
     */
    private static String mapKey(String name) {
        return name.replaceFirst("\\.<[a-z]+>$", "");
    }

    /** The rows of the table under README's "## Properties" heading: those that name a property. */
    private static Map<String, String> readmeRows(String readme) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String row : ProjectDocuments.section(readme, "## Properties").lines()
                .filter(line -> line.startsWith("| `")).toList()) {
            String[] cells = row.split("\\|");
            Matcher names = NAME.matcher(cells[1]);
            while (names.find()) {
                rows.put(names.group(1), cells[2].trim());
            }
        }
        assertThat(rows).as("rows of README.md's properties table").isNotEmpty();
        return rows;
    }

    private static Map<String, String> metadataDefaults() throws IOException {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (URL url : Collections.list(ReadmePropertiesTests.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            JsonNode properties;
            try (InputStream in = url.openStream()) {
                properties = JsonMapper.builder().build().readTree(in).path("properties");
            }
            for (JsonNode property : properties) {
                String name = property.path("name").asString();
                if (name.startsWith(PREFIX)) {
                    defaults.put(name.substring(PREFIX.length()), readmeDefault(property.get("defaultValue")));
                }
            }
        }
        assertThat(defaults).as("samokoder.migrations properties in the generated metadata").isNotEmpty();
        return defaults;
    }

    /** A metadata default as README writes it: a list with commas, anything else as its text. */
    private static String readmeDefault(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asString()));
            return String.join(", ", items);
        }
        return value.asString();
    }
}

package io.samokoder.migrations.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.script.Placeholders;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An IDE completes {@code samokoder.migrations.placeholders.[...]} with Flyway's built-in placeholder names, as
 * the configuration metadata the build generates hints them: the engine's own list, in its order.
 */
class PlaceholderHintsTests {

    @Test
    void theBuiltInPlaceholdersAreHintedAsTheMapsKeys() throws IOException {
        List<String> hinted = new ArrayList<>();
        for (URL url : Collections.list(getClass().getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode hint : JsonMapper.builder().build().readTree(in).path("hints")) {
                    if (hint.path("name").asString().equals("samokoder.migrations.placeholders.keys")) {
                        hint.path("values").forEach(value -> hinted.add(value.path("value").asString()));
                    }
                }
            }
        }
        assertThat(hinted).containsExactlyElementsOf(Placeholders.BUILT_IN);
    }
}

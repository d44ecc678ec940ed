package io.samokoder.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.testsupport.ProjectDocuments;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The sample app on a real PostgreSQL database, over HTTP. */
@ExtendWith(ClassDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SampleApplicationTests {

    static final List<String> RUN_ORDER = List.of("5577ef20e9ff", "d2291d45c273", "51559673f1ef", "253890d33616",
            "e4e9de92086b", "0be0e10f5cc6", "3c8f1a9d2b7e", "ae9f6fa0aca7");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> ClassDatabase.of(SampleApplicationTests.class).jdbcUrl());
        registry.add("spring.datasource.username", () -> ClassDatabase.of(SampleApplicationTests.class).user());
        registry.add("spring.datasource.password", () -> ClassDatabase.of(SampleApplicationTests.class).password());
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void migrationsEndpointReportsTheStartupRunFieldByField() {
        Http.Response response = Http.get(this.port, "/actuator/migrations");
        assertThat(response.status()).isEqualTo(200);
        TestDatabase db = ClassDatabase.of(SampleApplicationTests.class);
        assertThat(response.body()).doesNotContain(db.name(), "jdbc:", "password", "postgres");

        JsonNode ctx = response.json().get("contexts").get(this.context.getId());
        assertThat(ctx.has("parentId")).as("no parent context").isFalse();
        JsonNode bean = ctx.get("migrations").get("migrationsInitializer");
        assertThat(bean.get("mode").asString()).isEqualTo("upgrade");
        assertThat(bean.get("target").asString()).isEqualTo("heads");
        assertThat(texts(bean.get("current"))).containsExactly("ae9f6fa0aca7");
        assertThat(texts(bean.get("heads"))).containsExactly("ae9f6fa0aca7");
        assertThat(texts(bean.get("pending"))).isEmpty();
        // The sample's repeatable script, applied after the revisions (db/repeatable/R__project_overview.sql).
        assertThat(texts(bean.get("repeatables"))).containsExactly("R__project_overview.sql");
        assertThat(texts(bean.get("pendingRepeatables"))).isEmpty();
        assertThat(bean.get("stale").asBoolean()).isFalse();
        assertThat(bean.get("capturedAt").asString()).isNotEmpty();

        JsonNode lastRun = bean.get("lastRun");
        assertThat(lastRun.get("outcome").asString()).isEqualTo("SUCCESS");
        assertThat(lastRun.get("command").asString()).isEqualTo("UPGRADE");
        assertThat(lastRun.get("startedAt").asString()).isNotEmpty();
        assertThat(lastRun.get("durationMillis").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(lastRun.get("lockWaitMillis").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(lastRun.has("error")).as("no error field when the run succeeded").isFalse();
        assertThat(texts(lastRun.get("warnings"))).isEmpty();
        List<String> steps = new ArrayList<>();
        lastRun.get("steps").forEach((step) -> {
            steps.add(step.get("revision").asString());
            assertThat(step.get("direction").asString()).isEqualTo("UPGRADE");
            String file = step.get("file").asString();
            if (step.get("revision").asString().equals("3c8f1a9d2b7e")) {
                assertThat(file).isEqualTo("java:db.migrations.M007_AddProjectStatuses");
            } else {
                assertThat(file).startsWith("classpath:db/migrations/").endsWith(".sql");
            }
            assertThat(step.get("attempts").asInt()).isEqualTo(1);
        });
        assertThat(steps).containsExactlyElementsOf(RUN_ORDER);
        assertThat(lastRun.get("steps").get(0).get("message").asString()).isEqualTo("Initial schema");

        JsonNode history = bean.get("history");
        assertThat(history.size()).isEqualTo(8);
        JsonNode notes = history.get(0);
        assertThat(notes.get("id").asString()).isEqualTo("ae9f6fa0aca7");
        assertThat(texts(notes.get("revises"))).containsExactly("3c8f1a9d2b7e");
        assertThat(notes.get("message").asString()).isEqualTo("add project notes");
        assertThat(notes.get("file").asString())
            .isEqualTo("classpath:db/migrations/008_ae9f6fa0aca7_add_project_notes.sql");
        assertThat(notes.get("head").asBoolean()).isTrue();
        JsonNode statuses = history.get(1);
        assertThat(statuses.get("id").asString()).isEqualTo("3c8f1a9d2b7e");
        assertThat(texts(statuses.get("revises"))).containsExactly("0be0e10f5cc6");
        assertThat(statuses.get("message").asString()).isEqualTo("Add project statuses");
        assertThat(statuses.get("file").asString()).isEqualTo("java:db.migrations.M007_AddProjectStatuses");
        assertThat(statuses.get("head").asBoolean()).isFalse();
        assertThat(statuses.get("checksumStatus").asString()).isEqualTo("MATCH");
        JsonNode merge = history.get(2);
        assertThat(merge.get("id").asString()).isEqualTo("0be0e10f5cc6");
        assertThat(texts(merge.get("revises"))).containsExactly("e4e9de92086b", "253890d33616");
        assertThat(texts(merge.get("branchLabels"))).containsExactlyInAnyOrder("profile", "reporting");
        assertThat(texts(merge.get("dependsOn"))).isEmpty();
        assertThat(merge.get("message").asString()).isEqualTo("Merge profile and reporting branches");
        assertThat(merge.get("file").asString())
            .isEqualTo("classpath:db/migrations/006_0be0e10f5cc6_merge_profile_and_reporting.sql");
        assertThat(merge.get("head").asBoolean()).isFalse();
        assertThat(merge.get("mergePoint").asBoolean()).isTrue();
        assertThat(merge.get("branchPoint").asBoolean()).isFalse();
        assertThat(merge.get("applied").asBoolean()).isTrue();
        assertThat(merge.get("appliedAt").asString()).isNotEmpty();
        assertThat(merge.get("durationMillis").isNumber()).isTrue();
        assertThat(merge.get("checksumStatus").asString()).isEqualTo("MATCH");
        JsonNode projects = revision(history, "51559673f1ef");
        assertThat(projects.get("branchPoint").asBoolean()).isTrue();
        assertThat(projects.get("head").asBoolean()).isFalse();
        assertThat(texts(revision(history, "e4e9de92086b").get("branchLabels"))).containsExactly("profile");
        assertThat(texts(revision(history, "5577ef20e9ff").get("revises"))).isEmpty();
        history.forEach((info) -> assertThat(info.get("applied").asBoolean()).isTrue());
    }

    @Test
    void oneRevisionByPrefixOrBranchLabel() {
        Http.Response byPrefix = Http.get(this.port, "/actuator/migrations/5155");
        assertThat(byPrefix.status()).isEqualTo(200);
        JsonNode revision = byPrefix.json().get("revision");
        assertThat(revision.get("id").asString()).isEqualTo("51559673f1ef");
        assertThat(revision.get("message").asString()).isEqualTo("Add projects table");
        assertThat(byPrefix.json().get("bean").asString()).isEqualTo("migrationsInitializer");
        assertThat(Http.get(this.port, "/actuator/migrations/reporting").json().get("revision").get("id").asString())
            .isEqualTo("253890d33616");
        assertThat(Http.get(this.port, "/actuator/migrations/ffffffffffff").status()).isEqualTo(404);
    }

    @Test
    void healthShowsMigrationsAndReadinessIncludesThem() {
        JsonNode health = Http.get(this.port, "/actuator/health").json();
        JsonNode migrations = health.get("components").get("migrations");
        assertThat(migrations.get("status").asString()).isEqualTo("UP");
        assertThat(texts(migrations.get("details").get("current"))).containsExactly("ae9f6fa0aca7");
        assertThat(texts(migrations.get("details").get("pending"))).isEmpty();
        assertThat(migrations.get("details").get("lastRun").asString()).isEqualTo("SUCCESS");

        Http.Response readiness = Http.get(this.port, "/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        HealthEndpointGroups groups = this.context.getBean(HealthEndpointGroups.class);
        assertThat(groups.get("readiness").isMember("migrations")).isTrue();
        assertThat(groups.get("liveness").isMember("migrations")).isFalse();
    }

    @Test
    void metricsHaveValues() {
        assertThat(measurement("samokoder.migrations.run", "COUNT")).isEqualTo(1.0);
        assertThat(measurement("samokoder.migrations.run", "TOTAL_TIME")).isGreaterThan(0.0);
        assertThat(measurement("samokoder.migrations.step?tag=direction:upgrade&tag=outcome:success", "COUNT"))
            .isEqualTo(8.0);
        assertThat(measurement("samokoder.migrations.lock.wait", "COUNT")).isEqualTo(1.0);
        assertThat(measurement("samokoder.migrations.applied", "VALUE")).isEqualTo(8.0);
        assertThat(measurement("samokoder.migrations.pending", "VALUE")).isEqualTo(0.0);
    }

    @Test
    void usersAndProjectsWorkOnTheMigratedSchema() {
        Http.Response user = Http.post(this.port, "/users",
                "{\"email\":\"ada@example.com\",\"password\":\"correct horse\",\"fullName\":\"Ada Lovelace\"}");
        assertThat(user.status()).isEqualTo(201);
        assertThat(user.body()).doesNotContain("correct horse", "pbkdf2");
        String userId = user.json().get("id").asString();
        assertThat(user.json().get("fullName").asString()).isEqualTo("Ada Lovelace");
        assertThat(Http.post(this.port, "/users", "{\"email\":\"ada@example.com\",\"password\":\"x\"}").status())
            .as("unique email index").isEqualTo(409);

        Http.Response project = Http.post(this.port, "/projects",
                "{\"name\":\"Engine\",\"description\":\"Analytical\",\"userId\":\"" + userId + "\"}");
        assertThat(project.status()).isEqualTo(201);
        assertThat(project.json().get("status").asString()).isEqualTo("active");
        assertThat(Http.post(this.port, "/projects",
                "{\"name\":\"Bad\",\"userId\":\"" + userId + "\",\"status\":\"deleted\"}").status())
            .as("status check constraint of revision 253890d33616").isEqualTo(400);

        JsonNode list = Http.get(this.port, "/projects?userId=" + userId).json();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("name").asString()).isEqualTo("Engine");
        assertThat(Http.get(this.port, "/users/" + userId).json().get("email").asString())
            .isEqualTo("ada@example.com");
    }

    @Test
    void projectNotesAreWrittenAndReadThroughJpa() {
        Http.Response user = Http.post(this.port, "/users", "{\"email\":\"grace@example.com\",\"password\":\"cobol\"}");
        String userId = user.json().get("id").asString();
        String projectId = Http.post(this.port, "/projects", "{\"name\":\"Compiler\",\"userId\":\"" + userId + "\"}")
            .json()
            .get("id")
            .asString();

        Http.Response first = Http.post(this.port, "/projects/" + projectId + "/notes", "{\"body\":\"Write A-0\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("projectId").asString()).isEqualTo(projectId);
        assertThat(first.json().get("createdAt").asString()).isNotEmpty();
        assertThat(Http.post(this.port, "/projects/" + projectId + "/notes", "{\"body\":\"Then FLOW-MATIC\"}").status())
            .isEqualTo(201);

        JsonNode notes = Http.get(this.port, "/projects/" + projectId + "/notes").json();
        assertThat(notes.size()).isEqualTo(2);
        assertThat(notes.get(0).get("body").asString()).isEqualTo("Write A-0");
        assertThat(notes.get(1).get("body").asString()).isEqualTo("Then FLOW-MATIC");
        assertThat(Http.post(this.port, "/projects/" + userId + "/notes", "{\"body\":\"x\"}").status())
            .as("no project of that id").isEqualTo(404);
        assertThat(Http.post(this.port, "/projects/" + projectId + "/notes", "{\"body\":\" \"}").status())
            .isEqualTo(400);
    }

    private double measurement(String metric, String statistic) {
        Http.Response response = Http.get(this.port, "/actuator/metrics/" + metric);
        assertThat(response.status()).as(metric).isEqualTo(200);
        for (JsonNode m : response.json().get("measurements")) {
            if (m.get("statistic").asString().equals(statistic)) {
                return m.get("value").asDouble();
            }
        }
        throw new AssertionError("No " + statistic + " in " + response.body());
    }

    @Test
    void theReadmesExampleAnswerHasTheFieldsOfARealOne() throws Exception {
        JsonNode real = Http.get(this.port, "/actuator/migrations").json();
        JsonNode example = JsonMapper.builder().build()
            .readTree(ProjectDocuments.read("docs/starter-actuator-migrations-example.json"));
        assertThat(fields(example, "")).as("fields of docs/starter-actuator-migrations-example.json")
            .isEqualTo(fields(real, ""));
    }

    /** The paths of a JSON value's fields, an array's elements under {@code []}, without the values. */
    private static Set<String> fields(JsonNode node, String path) {
        Set<String> paths = new TreeSet<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String child = path + "." + field.getKey();
                paths.add(child);
                paths.addAll(fields(field.getValue(), child));
            }
        }
        else if (node.isArray()) {
            node.forEach(element -> paths.addAll(fields(element, path + "[]")));
        }
        return paths;
    }

    private static JsonNode revision(JsonNode history, String id) {
        for (JsonNode info : history) {
            if (info.get("id").asString().equals(id)) {
                return info;
            }
        }
        throw new AssertionError("No revision " + id);
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach((node) -> values.add(node.asString()));
        return values;
    }
}

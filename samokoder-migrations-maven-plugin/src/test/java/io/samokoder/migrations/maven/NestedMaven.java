package io.samokoder.migrations.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samokoder.migrations.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Nested {@code mvn} builds of a test project of {@code src/it}, copied under {@code target/it}, against a test
 * database passed in the environment ({@code SAMOKODER_IT_URL}, {@code _USER}, {@code _PASSWORD}). The builds
 * read the plugin from the repository the invoker plugin's {@code install} goal filled under
 * {@code target/it-repo}, and everything else from the build's own local repository, used as a file repository
 * (user and global settings replaced): nothing is downloaded and nothing is installed into the user's repository.
 */
final class NestedMaven {

    private final Path project;
    private final Path settings;
    private final TestDatabase database;
    private final String password;
    private int builds;

    /** Copies {@code src/it/<name>} to {@code target/it/<name>}, with the plugin's version in its POM. */
    NestedMaven(String name, TestDatabase database, String password) throws IOException {
        this.database = database;
        this.password = password;
        Path work = Path.of(System.getProperty("it.work"));
        this.project = work.resolve(name);
        deleteTree(this.project);
        copyTree(Path.of(System.getProperty("it.projects")).resolve(name), this.project);
        // Its own .mvn: the nested builds take no jvm.config or maven.config of the repository around it.
        Files.createDirectories(this.project.resolve(".mvn"));
        Path pom = this.project.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("@plugin.version@", System.getProperty("it.plugin.version")));
        String repository = Path.of(System.getProperty("it.build.repository")).toUri().toString();
        this.settings = work.resolve(name + "-settings.xml");
        Files.writeString(this.settings, """
                <settings>
                  <profiles>
                    <profile>
                      <id>build-repository</id>
                      <repositories>
                        <repository>
                          <id>central</id>
                          <url>%1$s</url>
                          <releases><checksumPolicy>ignore</checksumPolicy></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository>
                          <id>central</id>
                          <url>%1$s</url>
                          <releases><checksumPolicy>ignore</checksumPolicy></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>build-repository</activeProfile></activeProfiles>
                </settings>
                """.formatted(repository));
    }

    /** The copied project. */
    Path project() {
        return this.project;
    }

    /** Runs {@code mvn} in the project and keeps its log next to it. */
    Build mvn(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("it.maven.home"), "bin", "mvn").toString());
        command.addAll(List.of("-B", "-ntp", "-s", this.settings.toString(), "-gs", this.settings.toString(),
                "-Dmaven.repo.local=" + System.getProperty("it.repository")));
        command.addAll(List.of(arguments));
        Path log = this.project.getParent().resolve(this.project.getFileName() + "-build-" + (++this.builds) + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(this.project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("SAMOKODER_IT_URL", this.database.jdbcUrl());
        environment.put("SAMOKODER_IT_USER", this.database.user());
        environment.put("SAMOKODER_IT_PASSWORD", this.password);
        environment.put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        try {
            Process process = builder.start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("mvn " + String.join(" ", arguments) + " did not finish; see " + log);
            }
            return new Build(log, Files.readString(log, StandardCharsets.UTF_8), process.exitValue());
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** A finished build: its log file, its text and its exit status. */
    record Build(Path file, String log, int status) {

        void assertSuccess() {
            assertEquals(0, this.status, "build failed, see " + this.file + ":\n" + this.log);
        }

        void assertFailure() {
            assertEquals(1, this.status, "build did not fail, see " + this.file + ":\n" + this.log);
        }

        void assertLine(String text) {
            assertTrue(this.log.contains("[INFO] " + text + "\n"), "no line '[INFO] " + text + "' in " + this.file
                    + ":\n" + this.log);
        }

        void assertContains(String text) {
            assertTrue(this.log.contains(text), "no '" + text + "' in " + this.file + ":\n" + this.log);
        }

        int count(String text) {
            return this.log.split(Pattern.quote(text), -1).length - 1;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}

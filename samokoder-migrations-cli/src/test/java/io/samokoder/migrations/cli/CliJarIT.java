package io.samokoder.migrations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged flat jar, run as its own process ({@code java -jar}). */
class CliJarIT {

    @TempDir
    Path temp;

    record Process(int status, String out, String err) {
    }

    private Process java(String... args) throws IOException, InterruptedException {
        String property = System.getProperty("cli.jar");
        // Set by failsafe after packaging; a surefire run selecting this class by pattern skips it.
        Assumptions.assumeTrue(property != null, "runs under failsafe, after package");
        Path jar = Path.of(property).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "package the module first: " + jar);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = this.temp.resolve("out.txt");
        Path err = this.temp.resolve("err.txt");
        java.lang.Process process = new ProcessBuilder(command).directory(this.temp.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the CLI did not finish");
        return new Process(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void headsAndOfflineSql() throws Exception {
        Fixture.write(this.temp.resolve("src/main/resources/db/migrations"));
        Process heads = java("heads");
        assertEquals(0, heads.status(), heads::toString);
        assertEquals("eeee5555 (reporting) (head)\n", heads.out());
        assertEquals("", heads.err());
        Process sql = java("upgrade", "heads", "--sql");
        assertEquals(0, sql.status(), sql::toString);
        assertTrue(sql.out().startsWith("BEGIN;\n"), sql.out());
        assertTrue(sql.out().contains("INSERT INTO alembic_version (version_num) VALUES ('aaaa1111');"), sql.out());
        Process failed = java("show", "nope");
        assertEquals(255, failed.status());
        assertEquals("FAILED: Can't locate revision identified by 'nope'\n", failed.err());
        Process usage = java("heads", "--nope");
        assertEquals(2, usage.status());
    }
}

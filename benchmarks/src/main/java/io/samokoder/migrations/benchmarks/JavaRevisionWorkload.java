package io.samokoder.migrations.benchmarks;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Writes N Java revisions as N small classes and compiles them in the parent, once per N: class i
 * carries the {@code @Revision} of migration i (same ids and chain as the SQL scripts) and extends
 * {@link BenchJavaRevision} with its index. The child loads {@code classes/} and instantiates the
 * classes listed in {@code revisions.txt}, as an application registers its revision beans.
 */
final class JavaRevisionWorkload {

    static final String PACKAGE = "bench.generated";
    static final String LIST = "revisions.txt";
    static final String CLASSES = "classes";

    private JavaRevisionWorkload() {
    }

    static void write(Path dir, int n) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src").resolve(PACKAGE.replace('.', '/')));
        List<Path> files = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String simple = String.format("R%06d", i);
            Path file = sources.resolve(simple + ".java");
            Files.writeString(file, source(simple, i), StandardCharsets.UTF_8);
            files.add(file);
            names.add(PACKAGE + "." + simple);
        }
        compile(files, Files.createDirectories(dir.resolve(CLASSES)));
        Files.write(dir.resolve(LIST), names, StandardCharsets.UTF_8);
    }

    private static String source(String simple, int i) {
        String revises = i == 1 ? "{}" : "\"" + Workload.revisionId(i - 1) + "\"";
        return "package " + PACKAGE + ";\n\n"
                + "@io.samokoder.migrations.java.Revision(id = \"" + Workload.revisionId(i) + "\", revises = " + revises
                + ", message = \"create t_" + i + "\")\n"
                + "public final class " + simple + " extends " + BenchJavaRevision.class.getName() + " {\n"
                + "    public " + simple + "() {\n"
                + "        super(" + i + ");\n"
                + "    }\n"
                + "}\n";
    }

    private static void compile(List<Path> files, Path classes) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("ours_java needs a JDK (javax.tools) to compile the generated revisions");
        }
        StringWriter errors = new StringWriter();
        try (StandardJavaFileManager manager = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = manager.getJavaFileObjectsFromPaths(files);
            List<String> options = List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
                    "-proc:none", "-g:none", "--release", "17");
            BenchmarkMain.progress("compiling " + files.size() + " Java revisions");
            if (!compiler.getTask(errors, manager, null, options, null, units).call()) {
                throw new IllegalStateException("Compiling the generated Java revisions failed:\n" + errors);
            }
        }
    }
}

package io.samokoder.migrations.cli.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.SourceVersion;

/**
 * The source of a new Java revision ({@code revision --java}): a class with its {@code @Revision}
 * and empty {@code upgrade} and {@code downgrade} methods, in the package given by {@code --package}
 * or read off {@code --version-path} (the part after {@code src/main/java/}).
 */
final class JavaSkeleton {

    private static final String SOURCE_ROOT = "src/main/java";

    private JavaSkeleton() {
    }

    /** The directory to write to: {@code --version-path}, else the package's directory under src/main/java. */
    static Path directory(String javaPackage, Path versionPath) {
        if (versionPath != null) {
            return versionPath;
        }
        if (javaPackage == null) {
            throw new CommandFailedException("revision --java needs the Java revision's package: give --package"
                    + " com.example.db.migrations (written under " + SOURCE_ROOT + "), or --version-path DIR inside a"
                    + " Java source directory");
        }
        checkPackage(javaPackage);
        return Path.of(SOURCE_ROOT, javaPackage.replace('.', '/'));
    }

    /** The package: {@code --package}, or the directory's path below the nearest {@code java} directory. */
    static String packageOf(String javaPackage, Path directory) {
        if (javaPackage != null) {
            checkPackage(javaPackage);
            return javaPackage;
        }
        Path normalized = directory.toAbsolutePath().normalize();
        List<String> names = new ArrayList<>();
        for (int i = normalized.getNameCount() - 1; i >= 0; i--) {
            String name = normalized.getName(i).toString();
            if (name.equals("java")) {
                Collections.reverse(names);
                String pkg = String.join(".", names);
                if (!pkg.isEmpty()) {
                    checkPackage(pkg);
                    return pkg;
                }
                break;
            }
            names.add(name);
        }
        throw new CommandFailedException("Cannot tell the Java package of " + directory + ": it is not below a"
                + " 'java' source directory; give --package com.example.db.migrations");
    }

    private static void checkPackage(String javaPackage) {
        if (!SourceVersion.isName(javaPackage)) {
            throw new CommandFailedException("'" + javaPackage + "' is not a Java package name; give one such as"
                    + " com.example.db.migrations");
        }
    }

    /** The source of a class that is not a contract revision; see below. */
    static String render(String javaPackage, String className, Map<String, String> values, List<String> branchLabels,
            List<String> dependsOn, RevisionBody body) {
        return render(javaPackage, className, values, branchLabels, dependsOn, body, false);
    }

    /**
     * The class's source.
     *
     * @param body the operations of its {@code upgrade} and {@code downgrade}, or null for empty methods
     * @param contract declare a contract revision: {@code phase = Phase.CONTRACT}
     */
    static String render(String javaPackage, String className, Map<String, String> values, List<String> branchLabels,
            List<String> dependsOn, RevisionBody body, boolean contract) {
        StringBuilder annotation = new StringBuilder("@Revision(id = ").append(literal(values.get("up_revision")));
        List<String> revises = values.get("down_revision").isEmpty() ? List.of()
                : List.of(values.get("down_revision").split(", "));
        if (!revises.isEmpty()) {
            annotation.append(", revises = ").append(array(revises));
        }
        if (!branchLabels.isEmpty()) {
            annotation.append(",\n        branchLabels = ").append(array(branchLabels));
        }
        if (!dependsOn.isEmpty()) {
            annotation.append(",\n        dependsOn = ").append(array(dependsOn));
        }
        annotation.append(",\n        message = ").append(literal(values.get("message")))
                .append(", createDate = ").append(literal(values.get("create_date")));
        if (contract) {
            annotation.append(",\n        phase = Phase.CONTRACT");
        }
        annotation.append(')');
        JavaOperationSource source = new JavaOperationSource();
        String upgrade = body == null ? "" : RevisionBody.java(body.upgrade(), source, "        ");
        String downgrade = body == null ? "" : RevisionBody.java(body.downgrade(), source, "        ");
        Set<String> imports = new TreeSet<>(source.imports());
        imports.add("io.samokoder.migrations.java.JavaRevision");
        imports.add("io.samokoder.migrations.java.Revision");
        imports.add("io.samokoder.migrations.ops.Operations");
        if (contract) {
            imports.add("io.samokoder.migrations.script.Phase");
        }
        StringBuilder importLines = new StringBuilder();
        String group = null;
        for (String name : imports) {
            String top = name.substring(0, name.indexOf('.'));
            if (group != null && !group.equals(top)) {
                importLines.append('\n');
            }
            group = top;
            importLines.append("import ").append(name).append(";\n");
        }
        return "package " + javaPackage + ";\n\n"
                + importLines + "\n"
                + "/** " + values.get("message").replace("\\", "&#92;").replace("*/", "*&#47;") + " */\n"
                + annotation + "\n"
                + "public class " + className + " implements JavaRevision {\n\n"
                + "    @Override\n"
                + "    public void upgrade(Operations op) {\n"
                + upgrade
                + "    }\n\n"
                + "    @Override\n"
                + "    public void downgrade(Operations op) {\n"
                + downgrade
                + "    }\n"
                + "}\n";
    }

    private static String array(List<String> values) {
        if (values.size() == 1) {
            return literal(values.get(0));
        }
        List<String> literals = new ArrayList<>(values.size());
        for (String value : values) {
            literals.add(literal(value));
        }
        return "{" + String.join(", ", literals) + "}";
    }

    private static String literal(String value) {
        return JavaOperationSource.literal(value);
    }
}

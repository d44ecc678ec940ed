package io.samokoder.migrations.testsupport;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's documents (README.md, docs/*.md), for the tests that hold them to the code: read from a
 * module's directory, which is where Maven runs a module's tests.
 */
public final class ProjectDocuments {

    private ProjectDocuments() {
    }

    /** A document by its path from the project's root, e.g. {@code README.md} or {@code docs/cli.md}. */
    public static String read(String path) throws IOException {
        return Files.readString(Path.of("..").resolve(path), StandardCharsets.UTF_8);
    }

    /**
     * The text from a heading line, e.g. {@code ## Commands}, to the next heading of the same or a higher
     * level; an {@link AssertionError} when the text has no such heading.
     */
    public static String section(String text, String heading) {
        int start = text.indexOf("\n" + heading + "\n");
        if (start < 0) {
            throw new AssertionError("No heading '" + heading + "' in the document");
        }
        int level = heading.indexOf(' ');
        Matcher next = Pattern.compile("\n#{1," + level + "} ").matcher(text);
        int end = next.find(start + heading.length() + 1) ? next.start() : text.length();
        return text.substring(start + 1, end);
    }

    /**
     * The names of the type's public instance methods (an annotation's attributes) that the text does not
     * name as code: in backticks, after a dot, called, or given a value.
     */
    public static List<String> unnamed(Class<?> type, String text) {
        return Arrays.stream(type.getMethods())
            .filter(method -> method.getDeclaringClass() == type && !Modifier.isStatic(method.getModifiers()))
            .map(Method::getName)
            .distinct()
            .filter(name -> !Pattern.compile("[`.]" + name + "\\b|\\b" + name + "( = |\\()").matcher(text).find())
            .toList();
    }
}

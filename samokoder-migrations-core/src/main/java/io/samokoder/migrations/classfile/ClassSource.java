package io.samokoder.migrations.classfile;

import java.io.IOException;

/** Where class files come from: a class directory, a jar, or the class path of a class loader. */
interface ClassSource {

    /**
     * Hands each class file of a package and its sub-packages to the reader.
     *
     * @param packagePath the package as a resource path, e.g. {@code com/example}; empty for all packages
     */
    void read(String packagePath, Reader reader) throws IOException;

    /**
     * Whether a resource is a class file of a package: not {@code module-info} or {@code package-info}, nor
     * under {@code META-INF/} (e.g. the versioned classes of a multi-release jar).
     */
    static boolean isClassFile(String resource) {
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        return name.endsWith(".class") && !name.equals("module-info.class") && !name.equals("package-info.class")
                && !resource.startsWith("META-INF/");
    }

    /** Takes the class files a source reads. */
    @FunctionalInterface
    interface Reader {

        /**
         * One class file.
         *
         * @param resource its resource path, e.g. {@code com/example/Outer$Inner.class}
         * @param where the file (or the jar and its entry) it was read from, for messages
         * @param bytes its content
         */
        void accept(String resource, String where, byte[] bytes) throws IOException;
    }
}

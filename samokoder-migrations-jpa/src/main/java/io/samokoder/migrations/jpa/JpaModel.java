package io.samokoder.migrations.jpa;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.schema.ModelSource;
import io.samokoder.migrations.schema.Schema;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.boot.Metadata;

/**
 * The application's JPA entities as Hibernate ORM maps them, as the {@link ModelSource} autogenerate compares
 * with the database. Immutable.
 *
 * <p>The mapping is built without a database connection, with Hibernate's dialect for the one compared
 * (PostgreSQL, MariaDB, MySQL or H2) at the oldest version Hibernate supports unless
 * {@link #withProperties} gives {@code jakarta.persistence.database-product-version}; so tables, columns,
 * types, keys, indexes, foreign keys and sequences are those Hibernate would create.
 *
 * <p>A column's type is the portable {@link io.samokoder.migrations.ops.Type} where the database gets the same
 * type from it (e.g. {@code Type.string(120)}, {@code Type.UUID} on PostgreSQL and H2), and otherwise
 * Hibernate's own SQL type as {@code Type.sql} (e.g. PostgreSQL's {@code oid} for a {@code @Lob}, MariaDB's
 * {@code longtext}, {@code uuid} and {@code tinyint}), as is a {@code columnDefinition}. Names the mapping did
 * not quote are folded as the database folds them: lower case on PostgreSQL and H2, as written on MariaDB
 * and MySQL.
 *
 * <p>Naming strategies by default are Spring Boot 4's when Spring Boot's {@code SpringImplicitNamingStrategy}
 * is on the class path (physical {@code PhysicalNamingStrategySnakeCaseImpl}, implicit
 * {@code SpringImplicitNamingStrategy}), and Hibernate's own otherwise; the withers choose others, as
 * {@code spring.jpa.hibernate.naming.*} would.
 *
 * <p>Not in the model: check constraints (Hibernate's for enums among them; autogenerate does not compare
 * checks), tables of an explicit other schema or catalog, views and {@code @Subselect} entities, and the
 * constraints Bean Validation adds to the DDL (use {@link #ofMetadata} with {@link HibernateMetadataCapture}
 * to compare the mapping the application really builds).
 */
public final class JpaModel implements ModelSource {

    /** Spring Boot's implicit naming strategy, the default when it is on the class path. */
    public static final String SPRING_IMPLICIT_NAMING_STRATEGY =
            "org.springframework.boot.hibernate.SpringImplicitNamingStrategy";
    /** The physical naming strategy Spring Boot 4 uses by default: snake case, lower case. */
    public static final String SPRING_PHYSICAL_NAMING_STRATEGY =
            "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl";
    /**
     * The annotations, by class name, that put a class of a scanned package into the model (see
     * {@link #ofPackages}): {@code @Entity}, {@code @Embeddable}, {@code @MappedSuperclass} and
     * {@code @Converter}, on the class itself.
     */
    public static final Set<String> MAPPING_ANNOTATIONS = Set.of("jakarta.persistence.Entity",
            "jakarta.persistence.Embeddable", "jakarta.persistence.MappedSuperclass",
            "jakarta.persistence.Converter");

    private final List<Class<?>> classes;
    private final List<String> packages;
    private final ClassLoader loader;
    private static final String DATABASE_PRODUCT_VERSION = "jakarta.persistence.database-product-version";

    private final Metadata metadata;
    private final Map<String, Object> properties;

    private JpaModel(List<Class<?>> classes, List<String> packages, ClassLoader loader, Metadata metadata,
            Map<String, Object> properties) {
        this.classes = List.copyOf(classes);
        this.packages = List.copyOf(packages);
        this.loader = loader;
        this.metadata = metadata;
        this.properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /**
     * The mapping of these entity, embeddable, mapped superclass and converter classes.
     *
     * @throws IllegalArgumentException when no class is given
     */
    public static JpaModel ofClasses(Class<?>... classes) {
        if (classes.length == 0) {
            throw new IllegalArgumentException("JpaModel.ofClasses needs at least one entity class");
        }
        List<Class<?>> list = Arrays.asList(classes);
        ClassLoader loader = list.get(0).getClassLoader();
        return new JpaModel(list, List.of(), loader == null ? JpaModel.class.getClassLoader() : loader, null,
                defaults(loader));
    }

    /**
     * The mapping of the classes annotated {@code @Entity}, {@code @Embeddable}, {@code @MappedSuperclass} or
     * {@code @Converter} in these packages and their sub-packages, found in directories and jars when
     * {@link #model} runs; other classes are not loaded. A jar is found through its directory entries, which
     * jars built by Maven and Gradle have.
     *
     * @throws IllegalArgumentException when no class loader or no package is given
     */
    public static JpaModel ofPackages(ClassLoader loader, String... packages) {
        if (loader == null) {
            throw new IllegalArgumentException("JpaModel.ofPackages needs the class loader that sees the entities,"
                    + " e.g. Application.class.getClassLoader()");
        }
        if (packages.length == 0 || Arrays.stream(packages).anyMatch(p -> p == null || p.isBlank())) {
            throw new IllegalArgumentException("JpaModel.ofPackages needs the entity packages, e.g."
                    + " \"com.example.domain\"; it was given " + Arrays.toString(packages));
        }
        return new JpaModel(List.of(), List.of(packages), loader, null, defaults(loader));
    }

    /**
     * A mapping Hibernate already built, e.g. the application's, taken by {@link HibernateMetadataCapture}. Its
     * dialect, naming strategies and settings are its own; the dialect given to {@link #model} only decides
     * how names are folded.
     */
    public static JpaModel ofMetadata(Metadata metadata) {
        if (metadata == null) {
            throw new IllegalArgumentException("JpaModel.ofMetadata needs the Metadata Hibernate built");
        }
        return new JpaModel(List.of(), List.of(), null, metadata, Map.of());
    }

    /** This model with this physical naming strategy class, e.g. {@code PhysicalNamingStrategyStandardImpl}. */
    public JpaModel withPhysicalNamingStrategy(String className) {
        return withProperty(MetadataFactory.PHYSICAL_NAMING_STRATEGY, className);
    }

    /** This model with this implicit naming strategy class (or Hibernate's short name, e.g. {@code jpa}). */
    public JpaModel withImplicitNamingStrategy(String className) {
        return withProperty(MetadataFactory.IMPLICIT_NAMING_STRATEGY, className);
    }

    /**
     * This model with these Hibernate settings too, e.g. {@code hibernate.type.preferred_uuid_jdbc_type}, or
     * the database version Hibernate's dialect assumes ({@code jakarta.persistence.database-product-version},
     * by default the oldest it supports, e.g. MariaDB 10.6 where UUIDs are {@code binary(16)}). The database
     * product is the one {@link #model} is given, and JDBC metadata access is always off.
     */
    public JpaModel withProperties(Map<String, Object> settings) {
        requireClasses("withProperties");
        Map<String, Object> all = new LinkedHashMap<>(properties);
        all.putAll(settings);
        return new JpaModel(classes, packages, loader, null, all);
    }

    /**
     * Builds the mapping for the dialect and converts it.
     *
     * @throws IllegalStateException when a class cannot be mapped (naming it, with Hibernate's reason), a
     *     column has no type on this database (naming it), a package has no mapped class, or the database is one
     *     Hibernate is not set up for here
     */
    @Override
    public Schema model(Dialect dialect) {
        Metadata mapping = metadata;
        if (mapping == null) {
            Map<String, Object> settings = new LinkedHashMap<>(properties);
            settings.putIfAbsent(MetadataFactory.DATABASE_PRODUCT_NAME, HibernateDialects.productName(dialect));
            List<Class<?>> mapped = packages.isEmpty() ? classes : PackageScan.classes(loader, packages);
            mapping = MetadataFactory.build(mapped, loader, settings);
        }
        return new SchemaConversion(mapping, dialect).convert();
    }

    /**
     * Builds the mapping for the dialect and this server version, unless a version was given in
     * {@link #withProperties} already; a model of a built {@code Metadata} has its own and ignores it.
     */
    @Override
    public Schema model(Dialect dialect, String databaseVersion) {
        if (metadata != null || databaseVersion == null || properties.containsKey(DATABASE_PRODUCT_VERSION)) {
            return model(dialect);
        }
        return withProperties(Map.of(DATABASE_PRODUCT_VERSION, databaseVersion)).model(dialect);
    }

    private JpaModel withProperty(String key, String className) {
        if (className == null || className.isBlank()) {
            throw new IllegalArgumentException(key + " needs a class name");
        }
        requireClasses(key);
        Map<String, Object> all = new LinkedHashMap<>(properties);
        all.put(key, className);
        return new JpaModel(classes, packages, loader, null, all);
    }

    private void requireClasses(String what) {
        if (metadata != null) {
            throw new IllegalStateException("A JpaModel of a built Metadata keeps its own settings; " + what
                    + " applies to JpaModel.ofClasses or ofPackages only");
        }
    }

    private static Map<String, Object> defaults(ClassLoader loader) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        if (isPresent(SPRING_IMPLICIT_NAMING_STRATEGY, loader)) {
            defaults.put(MetadataFactory.PHYSICAL_NAMING_STRATEGY, SPRING_PHYSICAL_NAMING_STRATEGY);
            defaults.put(MetadataFactory.IMPLICIT_NAMING_STRATEGY, SPRING_IMPLICIT_NAMING_STRATEGY);
        }
        return defaults;
    }

    private static boolean isPresent(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}

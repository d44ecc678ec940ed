package io.samokoder.migrations.jpa;

import io.samokoder.migrations.dialect.Dialect;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/** Test helper: the DDL Hibernate itself writes to create the tables of some entities, without a connection. */
final class HibernateDdl {

    private HibernateDdl() {
    }

    /**
     * Hibernate's create statements for the classes on the dialect's database of this version, written by its
     * schema generation to a script (the SessionFactory it builds for that is closed at once).
     */
    static List<String> create(Dialect dialect, String version, Map<String, Object> settings, Class<?>... classes) {
        StringWriter script = new StringWriter();
        Map<String, Object> all = new LinkedHashMap<>(settings);
        all.put("jakarta.persistence.database-product-name", HibernateDialects.productName(dialect));
        all.put("jakarta.persistence.database-product-version", version);
        all.put("hibernate.boot.allow_jdbc_metadata_access", false);
        all.put("jakarta.persistence.schema-generation.scripts.action", "create");
        all.put("jakarta.persistence.schema-generation.scripts.create-target", script);
        all.put("hibernate.hbm2ddl.delimiter", ";");
        HibernatePersistenceConfiguration configuration = new HibernatePersistenceConfiguration("ddl")
                .managedClasses(Arrays.asList(classes)).properties(all);
        configuration.createEntityManagerFactory().close();
        return Arrays.stream(script.toString().split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}

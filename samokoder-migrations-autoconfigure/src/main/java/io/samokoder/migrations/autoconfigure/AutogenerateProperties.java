package io.samokoder.migrations.autoconfigure;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code revision --autogenerate} and {@code check} compare in command mode, under
 * {@code samokoder.migrations.autogenerate}.
 */
public class AutogenerateProperties {

    /**
     * Comma-separated list of tables the comparison of the model with the database leaves alone, by name or
     * pattern with * and ? (case-insensitive), besides the version and log tables.
     */
    private List<String> excludeTables = new ArrayList<>();

    /**
     * Whether column defaults are compared.
     */
    private boolean compareServerDefaults = true;

    /**
     * Whether tables of the database that no entity maps are dropped by the generated revision, instead of
     * left alone.
     */
    private boolean dropUnmappedTables = false;

    public List<String> getExcludeTables() {
        return this.excludeTables;
    }

    public void setExcludeTables(List<String> excludeTables) {
        this.excludeTables = excludeTables;
    }

    public boolean isCompareServerDefaults() {
        return this.compareServerDefaults;
    }

    public void setCompareServerDefaults(boolean compareServerDefaults) {
        this.compareServerDefaults = compareServerDefaults;
    }

    public boolean isDropUnmappedTables() {
        return this.dropUnmappedTables;
    }

    public void setDropUnmappedTables(boolean dropUnmappedTables) {
        this.dropUnmappedTables = dropUnmappedTables;
    }
}

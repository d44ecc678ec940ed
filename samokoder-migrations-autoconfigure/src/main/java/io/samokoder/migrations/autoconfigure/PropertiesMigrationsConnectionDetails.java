package io.samokoder.migrations.autoconfigure;

/** {@link MigrationsConnectionDetails} from {@code samokoder.migrations.url/user/password}. */
final class PropertiesMigrationsConnectionDetails implements MigrationsConnectionDetails {

    private final MigrationsProperties properties;

    PropertiesMigrationsConnectionDetails(MigrationsProperties properties) {
        this.properties = properties;
    }

    @Override
    public String getJdbcUrl() {
        return this.properties.getUrl();
    }

    @Override
    public String getUsername() {
        return this.properties.getUser();
    }

    @Override
    public String getPassword() {
        return this.properties.getPassword();
    }
}

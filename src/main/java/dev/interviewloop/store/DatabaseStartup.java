package dev.interviewloop.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.sql.Driver;
import java.sql.SQLException;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Checks, before Flyway migrates the database at start-up ({@code quarkus.flyway.migrate-at-start}), that the
 * configured JDBC URL fits the driver this build has (the kind of database is fixed when the application is built):
 * Quarkus hands Flyway's configuration to this customizer first, so a wrong URL stops start-up with what to do, before
 * anything connects.
 */
@Singleton
public class DatabaseStartup implements FlywayConfigurationCustomizer {

    private final AgroalDataSource dataSource;

    public DatabaseStartup(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        var factory = dataSource.getConfiguration().connectionPoolConfiguration().connectionFactoryConfiguration();
        String url = factory.jdbcUrl();
        check(factory.connectionProviderClass(), url);
        Log.infof("Store: %s, migrated by Flyway at start-up", url == null ? "(no URL)" : shown(url));
    }

    /** Refuses to start, saying what to do, when the URL is for another kind of database than the build's driver. */
    static void check(Class<?> provider, String url) {
        if (provider == null || !Driver.class.isAssignableFrom(provider) || url == null) {
            return;
        }
        checkH2Path(url);
        boolean accepted;
        try {
            accepted = ((Driver) provider.getDeclaredConstructor().newInstance()).acceptsURL(url);
        } catch (ReflectiveOperationException | SQLException e) {
            return; // the pool reports its own error when it connects
        }
        if (!accepted) {
            String built = kind(provider.getName());
            throw new IllegalStateException("The database URL (quarkus.datasource.jdbc.url, or QUARKUS_DATASOURCE_JDBC_URL) is "
                    + shown(url) + ", but this build of Interview Loop stores sessions in " + built + ": the kind of "
                    + "database is fixed when the application is built. For PostgreSQL, build with ./mvnw package "
                    + "-Dquarkus.datasource.db-kind=postgresql (docker-compose.yml does); for the embedded database, "
                    + "leave the URL unset (the files go to interview-loop.data-dir).");
        }
    }

    /** H2 refuses a file path that is relative without saying so; name the setting and the fix instead. */
    static void checkH2Path(String url) {
        String prefix = "jdbc:h2:file:";
        if (!url.startsWith(prefix)) {
            return;
        }
        String path = url.substring(prefix.length()).split(";", 2)[0];
        boolean explicit = path.startsWith("/") || path.startsWith("./") || path.startsWith("../") || path.startsWith("~")
                || path.matches("^[A-Za-z]:[\\\\/].*") || path.startsWith(".\\");
        if (!explicit) {
            throw new IllegalStateException("The embedded database path '" + path + "' (from interview-loop.data-dir, or "
                    + "INTERVIEW_LOOP_DATA_DIR) is relative: write it as ./" + path.replaceFirst("/interview-loop$", "")
                    + " or give an absolute path.");
        }
    }

    private static String kind(String driverClass) {
        if (driverClass.startsWith("org.h2.")) {
            return "H2 (embedded)";
        }
        return driverClass.startsWith("org.postgresql.") ? "PostgreSQL" : "a database with driver " + driverClass;
    }

    /** The URL without its query (which may carry a password). */
    static String shown(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?...";
    }
}

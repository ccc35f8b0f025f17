package dev.interviewloop.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.sql.Driver;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database up to date before anything uses it: checks that the configured JDBC URL fits the driver this
 * build has (the kind of database is fixed when the application is built), then runs the Flyway migrations.
 */
@ApplicationScoped
public class DatabaseStartup {

    void migrate(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event, AgroalDataSource dataSource,
                 Flyway flyway) {
        var factory = dataSource.getConfiguration().connectionPoolConfiguration().connectionFactoryConfiguration();
        String url = factory.jdbcUrl();
        check(factory.connectionProviderClass(), url);
        MigrateResult result = flyway.migrate();
        Log.infof("Store: %s, schema version %s (%d migration(s) applied now)", shown(url),
                result.targetSchemaVersion == null ? flyway.info().current().getVersion() : result.targetSchemaVersion,
                result.migrationsExecuted);
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

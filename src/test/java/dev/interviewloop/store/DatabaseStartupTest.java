package dev.interviewloop.store;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Start-up refuses a database URL the build cannot use, and says what to do. */
class DatabaseStartupTest {

    @Test
    void aPostgresqlUrlForAnH2BuildIsRefusedSayingHowToBuildForPostgresql() {
        assertThatThrownBy(() -> DatabaseStartup.check(org.h2.Driver.class,
                "jdbc:postgresql://db:5432/interview_loop?password=secret"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("QUARKUS_DATASOURCE_JDBC_URL")
                .hasMessageContaining("stores sessions in H2")
                .hasMessageContaining("-Dquarkus.datasource.db-kind=postgresql")
                .hasMessageNotContaining("secret");
    }

    @Test
    void anH2UrlForAPostgresqlBuildIsRefused() {
        assertThatThrownBy(() -> DatabaseStartup.check(org.postgresql.Driver.class, "jdbc:h2:file:./data/interview-loop"))
                .hasMessageContaining("stores sessions in PostgreSQL");
    }

    @Test
    void urlsThatFitTheBuildPass() {
        assertThatCode(() -> DatabaseStartup.check(org.h2.Driver.class,
                "jdbc:h2:file:./data/interview-loop;DB_CLOSE_ON_EXIT=FALSE")).doesNotThrowAnyException();
        assertThatCode(() -> DatabaseStartup.check(org.h2.Driver.class, "jdbc:h2:file:/var/lib/il/interview-loop"))
                .doesNotThrowAnyException();
        assertThatCode(() -> DatabaseStartup.check(org.h2.Driver.class, "jdbc:h2:mem:x")).doesNotThrowAnyException();
        assertThatCode(() -> DatabaseStartup.check(org.postgresql.Driver.class, "jdbc:postgresql://localhost/il"))
                .doesNotThrowAnyException();
    }

    @Test
    void aDataFolderRelativeWithoutDotSlashIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> DatabaseStartup.check(org.h2.Driver.class,
                "jdbc:h2:file:data/interview-loop;DB_CLOSE_ON_EXIT=FALSE"))
                .hasMessageContaining("interview-loop.data-dir")
                .hasMessageContaining("./data");
    }
}

package dev.postmortem.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postmortem.core.review.ApprovalPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        ServerSettings settings = ServerSettings.fromEnvironment(Map.of());

        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(7070);
        assertThat(settings.dataDir()).isEqualTo(Path.of("data"));
        assertThat(settings.embeddedDatabase()).isTrue();
        assertThat(settings.requireReview()).isTrue();
        assertThat(settings.usersAreDemo()).isTrue();
        assertThat(settings.users()).extracting(UserAccount::email)
                .containsExactly("alice@example.com", "admin@example.com");
        assertThat(settings.followUp()).isEqualTo(new ServerSettings.FollowUp(ZoneId.of("UTC"), Duration.ofDays(1), 0));
    }

    @Test
    void readsTheFollowUpVariables() {
        assertThat(ServerSettings.fromEnvironment(Map.of("POSTMORTEM_TIME_ZONE", "Europe/Berlin",
                "POSTMORTEM_REMINDER_INTERVAL", "PT6H", "POSTMORTEM_REMINDER_LEAD_DAYS", "3")).followUp())
                .isEqualTo(new ServerSettings.FollowUp(ZoneId.of("Europe/Berlin"), Duration.ofHours(6), 3));
        assertThat(ServerSettings.fromEnvironment(Map.of("POSTMORTEM_REMINDER_INTERVAL", "off")).followUp()
                .reminderInterval()).as("no reminders").isNull();
    }

    @Test
    void readsEveryVariable() {
        ServerSettings settings = ServerSettings.fromEnvironment(Map.of(
                "POSTMORTEM_HOST", "0.0.0.0", "POSTMORTEM_PORT", "8080", "POSTMORTEM_DATA_DIR", "/var/lib/pm",
                "POSTMORTEM_JDBC_URL", "jdbc:postgresql://db/pm", "POSTMORTEM_JDBC_USER", "pm",
                "POSTMORTEM_JDBC_PASSWORD", "secret", "POSTMORTEM_USERS", "Ann@Example.com:p:w:admin,bo@x.io:pw",
                "POSTMORTEM_REQUIRE_REVIEW", "false"));

        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.embeddedDatabase()).isFalse();
        assertThat(settings.jdbcUser()).isEqualTo("pm");
        assertThat(settings.requireReview()).isFalse();
        assertThat(settings.users()).containsExactly(new UserAccount("ann@example.com", "p:w", true),
                new UserAccount("bo@x.io", "pw", false));
        assertThat(settings.users().get(0).toString()).doesNotContain("p:w");
    }

    @Test
    void readsWhatPublishingWaitsFor() {
        assertThat(ServerSettings.fromEnvironment(Map.of()).approvals()).isEqualTo(ApprovalPolicy.NONE);
        assertThat(ServerSettings.fromEnvironment(Map.of("POSTMORTEM_REQUIRED_APPROVALS", "2",
                "POSTMORTEM_REQUIRE_RESOLVED_THREADS", "true", "POSTMORTEM_ADMINS_MAY_PUBLISH_WITHOUT_APPROVALS",
                "true")).approvals()).isEqualTo(new ApprovalPolicy(2, true, true));
        for (String bad : new String[] {"21", "-1", "two"}) {
            assertThatThrownBy(() -> ServerSettings.fromEnvironment(Map.of("POSTMORTEM_REQUIRED_APPROVALS", bad)))
                    .as(bad).hasMessageContaining("POSTMORTEM_REQUIRED_APPROVALS");
        }
        assertThatThrownBy(() -> ServerSettings.fromEnvironment(Map.of("POSTMORTEM_REQUIRE_RESOLVED_THREADS", "maybe")))
                .hasMessageContaining("POSTMORTEM_REQUIRE_RESOLVED_THREADS");
    }

    @Test
    void theDemoUsersAreRefusedOnAnAddressOtherMachinesCanReach() {
        assertThatThrownBy(() -> ServerSettings.fromEnvironment(Map.of("POSTMORTEM_HOST", "0.0.0.0")))
                .hasMessageContaining("POSTMORTEM_USERS");
        assertThat(ServerSettings.fromEnvironment(Map.of("POSTMORTEM_HOST", "localhost")).usersAreDemo()).isTrue();
        assertThat(ServerSettings.fromEnvironment(Map.of("POSTMORTEM_HOST", "::1")).usersAreDemo()).isTrue();
        assertThat(ServerSettings.fromEnvironment(Map.of("POSTMORTEM_HOST", "0.0.0.0", "POSTMORTEM_USERS",
                "ann@example.com:long-secret")).host()).isEqualTo("0.0.0.0");
    }

    @Test
    void badValuesAreRefusedNamingTheVariable() {
        assertThatThrownBy(() -> ServerSettings.fromEnvironment(Map.of("POSTMORTEM_PORT", "seventy")))
                .hasMessageContaining("POSTMORTEM_PORT");
        assertThatThrownBy(() -> ServerSettings.fromEnvironment(Map.of("POSTMORTEM_PORT", "70000")))
                .hasMessageContaining("POSTMORTEM_PORT");
        assertThatThrownBy(() -> ServerSettings.fromEnvironment(Map.of("POSTMORTEM_REQUIRE_REVIEW", "maybe")))
                .hasMessageContaining("POSTMORTEM_REQUIRE_REVIEW");
        assertThatThrownBy(() -> ServerSettings.fromEnvironment(Map.of("POSTMORTEM_USERS", "nopassword")))
                .hasMessageContaining("POSTMORTEM_USERS");
        assertThatThrownBy(() -> ServerSettings.fromEnvironment(Map.of("POSTMORTEM_USERS", "a@x.io::admin")))
                .hasMessageContaining("empty password");
        assertThatThrownBy(() -> ServerSettings.fromEnvironment(Map.of("POSTMORTEM_USERS", "a@x.io:1,A@x.io:2")))
                .hasMessageContaining("twice");
        for (Map<String, String> bad : List.of(Map.of("POSTMORTEM_TIME_ZONE", "Mars/Olympus"),
                Map.of("POSTMORTEM_TIME_ZONE", "+02:00"), Map.of("POSTMORTEM_REMINDER_INTERVAL", "daily"),
                Map.of("POSTMORTEM_REMINDER_INTERVAL", "PT30S"), Map.of("POSTMORTEM_REMINDER_LEAD_DAYS", "-1"),
                Map.of("POSTMORTEM_REMINDER_LEAD_DAYS", "400"))) {
            assertThatThrownBy(() -> ServerSettings.fromEnvironment(bad)).as(bad.toString())
                    .hasMessageContaining(bad.keySet().iterator().next());
        }
    }
}

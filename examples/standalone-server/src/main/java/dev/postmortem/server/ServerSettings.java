package dev.postmortem.server;

import dev.postmortem.core.review.ApprovalPolicy;
import dev.postmortem.core.review.Severity;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The server's configuration, read from environment variables (all optional):
 * <ul>
 * <li>{@code POSTMORTEM_HOST} (default {@code 127.0.0.1}), {@code POSTMORTEM_PORT} (default 7070; 0 picks a free port)</li>
 * <li>{@code POSTMORTEM_DATA_DIR} (default {@code ./data}): where the embedded H2 database lives</li>
 * <li>{@code POSTMORTEM_JDBC_URL}, {@code POSTMORTEM_JDBC_USER}, {@code POSTMORTEM_JDBC_PASSWORD}: use this
 *     database (PostgreSQL) instead of the embedded one</li>
 * <li>{@code POSTMORTEM_USERS}: {@code email:password[:admin],...} for HTTP Basic; unset, two demo users,
 *     which are refused on an address other machines can reach</li>
 * <li>{@code POSTMORTEM_REQUIRE_REVIEW} (default {@code true}): whether drafts must be reviewed before publishing</li>
 * <li>{@code POSTMORTEM_PROMETHEUS_PORT} (unset: off): serve Prometheus metrics at {@code /metrics} on this port
 *     of {@code POSTMORTEM_HOST}, without authentication</li>
 * <li>{@code POSTMORTEM_INCIDENTS_FILE} (unset: none): a JSON array of incidents to write post-mortems for;
 *     without it an incident id is free text</li>
 * <li>{@code POSTMORTEM_TIME_ZONE} (default {@code UTC}): the IANA zone whose midnight makes action items overdue</li>
 * <li>{@code POSTMORTEM_REMINDER_INTERVAL} (default {@code P1D}): how often to look for overdue action items, an
 *     ISO-8601 duration, or {@code off}</li>
 * <li>{@code POSTMORTEM_REMINDER_LEAD_DAYS} (default 0): remind of items due within this many days too</li>
 * <li>{@code POSTMORTEM_READINESS_SEVERITY} (unset: each rule's default): {@code rule:SEVERITY,...}, such as
 *     {@code person-as-cause:WARNING}, the severity of readiness rules' findings</li>
 * <li>{@code POSTMORTEM_REQUIRED_APPROVALS} (default 0): current approvals a post-mortem needs to be published</li>
 * <li>{@code POSTMORTEM_REQUIRE_RESOLVED_THREADS} (default {@code false}): whether every comment thread must be
 *     resolved before publishing</li>
 * <li>{@code POSTMORTEM_ADMINS_MAY_PUBLISH_WITHOUT_APPROVALS} (default {@code false}): whether admins may publish
 *     without them</li>
 * <li>{@code POSTMORTEM_SEARCH_LANGUAGE} (default {@code simple}): on PostgreSQL, the text search configuration
 *     that reads {@code q} and the documents, such as {@code english} (stems words: "deploying" finds
 *     "deployed"); changing it indexes every post-mortem again at the next start. H2 ignores it.</li>
 * </ul>
 *
 * @param prometheusPort the port of the metrics endpoint, or {@code null} when it is off
 * @param incidentsFile the incident catalog's file, or {@code null} for none
 * @param followUp the time zone and the reminders
 * @param readinessSeverity the severity of a readiness rule's findings by rule id, where not the rule's default
 * @param approvals what publishing needs besides review and readiness
 * @param searchLanguage PostgreSQL's text search configuration for {@code q}
 */
record ServerSettings(String host, int port, Path dataDir, String jdbcUrl, String jdbcUser, String jdbcPassword,
                      List<UserAccount> users, boolean usersAreDemo, boolean requireReview, Integer prometheusPort,
                      Path incidentsFile, FollowUp followUp, Map<String, Severity> readinessSeverity,
                      ApprovalPolicy approvals, String searchLanguage) {

    ServerSettings {
        readinessSeverity = Map.copyOf(readinessSeverity);
    }

    /**
     * @param reminderInterval how often reminders run; {@code null} when they are off
     */
    record FollowUp(ZoneId timeZone, Duration reminderInterval, int reminderLeadDays) {
        static final FollowUp DEFAULT = new FollowUp(ZoneId.of("UTC"), Duration.ofDays(1), 0);
    }

    /** Settings without the metrics endpoint and without incidents. */
    ServerSettings(String host, int port, Path dataDir, String jdbcUrl, String jdbcUser, String jdbcPassword,
                   List<UserAccount> users, boolean usersAreDemo, boolean requireReview) {
        this(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, users, usersAreDemo, requireReview, null, null,
                FollowUp.DEFAULT, Map.of(), ApprovalPolicy.NONE, DEFAULT_SEARCH_LANGUAGE);
    }

    /** Settings without incidents. */
    ServerSettings(String host, int port, Path dataDir, String jdbcUrl, String jdbcUser, String jdbcPassword,
                   List<UserAccount> users, boolean usersAreDemo, boolean requireReview, Integer prometheusPort) {
        this(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, users, usersAreDemo, requireReview,
                prometheusPort, null, FollowUp.DEFAULT, Map.of(), ApprovalPolicy.NONE, DEFAULT_SEARCH_LANGUAGE);
    }

    /** These settings with the incidents of {@code file}. */
    ServerSettings withIncidentsFile(Path file) {
        return new ServerSettings(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, users, usersAreDemo,
                requireReview, prometheusPort, file, followUp, readinessSeverity, approvals, searchLanguage);
    }

    /** These settings with another time zone and reminder schedule. */
    ServerSettings withFollowUp(FollowUp value) {
        return new ServerSettings(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, users, usersAreDemo,
                requireReview, prometheusPort, incidentsFile, value, readinessSeverity, approvals, searchLanguage);
    }

    /** These settings with another approval policy. */
    ServerSettings withApprovals(ApprovalPolicy value) {
        return new ServerSettings(host, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, users, usersAreDemo,
                requireReview, prometheusPort, incidentsFile, followUp, readinessSeverity, value, searchLanguage);
    }

    /** PostgreSQL's text search configuration that finds the same words in every language: no stemming. */
    static final String DEFAULT_SEARCH_LANGUAGE = "simple";

    static final List<UserAccount> DEMO_USERS = List.of(
            new UserAccount("alice@example.com", "alice", false),
            new UserAccount("admin@example.com", "admin", true));

    static ServerSettings fromEnvironment(Map<String, String> env) {
        String host = env.getOrDefault("POSTMORTEM_HOST", "127.0.0.1");
        int port = port("POSTMORTEM_PORT", env.getOrDefault("POSTMORTEM_PORT", "7070"));
        String prometheus = blankToNull(env.get("POSTMORTEM_PROMETHEUS_PORT"));
        String incidents = blankToNull(env.get("POSTMORTEM_INCIDENTS_FILE"));
        Path dataDir = Path.of(env.getOrDefault("POSTMORTEM_DATA_DIR", "data"));
        String jdbcUrl = blankToNull(env.get("POSTMORTEM_JDBC_URL"));
        String usersSpec = blankToNull(env.get("POSTMORTEM_USERS"));
        List<UserAccount> users = usersSpec == null ? DEMO_USERS : UserAccount.parseAll(usersSpec);
        if (usersSpec == null && !isLoopback(host)) {
            throw new IllegalArgumentException("POSTMORTEM_HOST is " + host + ", reachable from other machines, but"
                    + " POSTMORTEM_USERS is not set: the demo users' passwords are in the README. Set"
                    + " POSTMORTEM_USERS, or listen on 127.0.0.1.");
        }
        return new ServerSettings(host, port, dataDir, jdbcUrl, env.get("POSTMORTEM_JDBC_USER"),
                env.get("POSTMORTEM_JDBC_PASSWORD"), users, usersSpec == null,
                bool("POSTMORTEM_REQUIRE_REVIEW", env.getOrDefault("POSTMORTEM_REQUIRE_REVIEW", "true")),
                prometheus == null ? null : port("POSTMORTEM_PROMETHEUS_PORT", prometheus),
                incidents == null ? null : Path.of(incidents), followUp(env), readinessSeverity(env), approvals(env),
                env.getOrDefault("POSTMORTEM_SEARCH_LANGUAGE", DEFAULT_SEARCH_LANGUAGE).strip());
    }

    private static ApprovalPolicy approvals(Map<String, String> env) {
        String required = env.getOrDefault("POSTMORTEM_REQUIRED_APPROVALS", "0").strip();
        if (!required.matches("[0-9]{1,2}") || Integer.parseInt(required) > ApprovalPolicy.MAX_REQUIRED_APPROVALS) {
            throw new IllegalArgumentException("POSTMORTEM_REQUIRED_APPROVALS must be a number from 0 to "
                    + ApprovalPolicy.MAX_REQUIRED_APPROVALS + ", not '" + required + "'");
        }
        return new ApprovalPolicy(Integer.parseInt(required),
                bool("POSTMORTEM_REQUIRE_RESOLVED_THREADS", env.getOrDefault("POSTMORTEM_REQUIRE_RESOLVED_THREADS",
                        "false")),
                bool("POSTMORTEM_ADMINS_MAY_PUBLISH_WITHOUT_APPROVALS",
                        env.getOrDefault("POSTMORTEM_ADMINS_MAY_PUBLISH_WITHOUT_APPROVALS", "false")));
    }

    private static Map<String, Severity> readinessSeverity(Map<String, String> env) {
        String spec = blankToNull(env.get("POSTMORTEM_READINESS_SEVERITY"));
        Map<String, Severity> severities = new LinkedHashMap<>();
        if (spec == null) {
            return severities;
        }
        for (String entry : spec.split(",")) {
            String[] parts = entry.strip().split(":");
            if (parts.length != 2 || !parts[1].strip().matches("ERROR|WARNING")) {
                throw new IllegalArgumentException("POSTMORTEM_READINESS_SEVERITY must be rule:SEVERITY entries"
                        + " separated by commas, SEVERITY ERROR or WARNING (person-as-cause:WARNING), not '"
                        + entry.strip() + "'");
            }
            severities.put(parts[0].strip(), Severity.valueOf(parts[1].strip()));
        }
        return severities;
    }

    private static FollowUp followUp(Map<String, String> env) {
        String zone = env.getOrDefault("POSTMORTEM_TIME_ZONE", "UTC").strip();
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            throw new IllegalArgumentException("POSTMORTEM_TIME_ZONE must be an IANA time zone such as Europe/Berlin,"
                    + " not '" + zone + "'");
        }
        String lead = env.getOrDefault("POSTMORTEM_REMINDER_LEAD_DAYS", "0").strip();
        if (!lead.matches("[0-9]{1,3}") || Integer.parseInt(lead) > 365) {
            throw new IllegalArgumentException("POSTMORTEM_REMINDER_LEAD_DAYS must be a number of days from 0 to 365,"
                    + " not '" + lead + "'");
        }
        return new FollowUp(ZoneId.of(zone), reminderInterval(env), Integer.parseInt(lead));
    }

    /** {@code null} for {@code off}. */
    private static Duration reminderInterval(Map<String, String> env) {
        String interval = env.getOrDefault("POSTMORTEM_REMINDER_INTERVAL", "P1D").strip();
        if (interval.equalsIgnoreCase("off")) {
            return null;
        }
        String problem = "POSTMORTEM_REMINDER_INTERVAL must be an ISO-8601 duration of a minute or more (P1D, PT6H)"
                + " or off, not '" + interval + "'";
        Duration every;
        try {
            every = Duration.parse(interval);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(problem, e);
        }
        if (every.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException(problem);
        }
        return every;
    }

    /** Whether every address {@code host} names is a loopback one (0.0.0.0 is every interface: no). */
    private static boolean isLoopback(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            return Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("POSTMORTEM_HOST " + host + " is not a known address", e);
        }
    }

    boolean embeddedDatabase() {
        return jdbcUrl == null;
    }

    private static int port(String name, String text) {
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a port number from 0 to 65535, not '" + text + "'");
    }

    private static boolean bool(String name, String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, not '" + text + "'");
        };
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

package dev.postmortem.spring;

import dev.postmortem.core.review.ApprovalPolicy;
import dev.postmortem.core.review.Severity;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Settings of the post-mortem API, under {@code postmortem.*}. */
@ConfigurationProperties("postmortem")
public class PostMortemProperties {

    /** Whether to add the post-mortem API to the application at all. */
    private boolean enabled = true;

    private final Api api = new Api();
    private final Jdbc jdbc = new Jdbc();
    private final Workflow workflow = new Workflow();
    private final Http http = new Http();
    private final Security security = new Security();
    private final FollowUp followup = new FollowUp();
    private final Review review = new Review();
    private final Search search = new Search();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Api getApi() {
        return api;
    }

    public Jdbc getJdbc() {
        return jdbc;
    }

    public Workflow getWorkflow() {
        return workflow;
    }

    public Http getHttp() {
        return http;
    }

    public Security getSecurity() {
        return security;
    }

    public FollowUp getFollowup() {
        return followup;
    }

    public Review getReview() {
        return review;
    }

    public Search getSearch() {
        return search;
    }

    /** Searching post-mortems ({@code q} of the listing). */
    public static class Search {

        /**
         * PostgreSQL's text search configuration that reads {@code q} and the documents:
         * {@code simple} finds words as written in any language; {@code english} and the other
         * languages stem them ("deploying" finds "deployed") and drop stop words. Changing it
         * indexes every post-mortem again at the next start. H2 ignores it.
         */
        private String language = "simple";

        public String getLanguage() {
            return language;
        }

        public void setLanguage(String language) {
            this.language = language;
        }
    }

    /** Reviewing a post-mortem: the readiness check before review and publication. */
    public static class Review {

        /**
         * Severity per readiness rule id, replacing the rule's default, e.g.
         * {@code postmortem.review.readiness-severity.person-as-cause=WARNING}; an unknown rule
         * id stops the start.
         */
        private Map<String, Severity> readinessSeverity = new LinkedHashMap<>();

        public Map<String, Severity> getReadinessSeverity() {
            return readinessSeverity;
        }

        public void setReadinessSeverity(Map<String, Severity> readinessSeverity) {
            this.readinessSeverity = readinessSeverity;
        }
    }

    /** Following action items through: when they are overdue, and the reminders. */
    public static class FollowUp {

        /** The IANA zone whose midnight makes action items overdue, unless a TenantTimeZones bean decides per tenant. */
            private ZoneId timeZone = ZoneId.of("UTC");

        private final Reminders reminders = new Reminders();

        public ZoneId getTimeZone() {
            return timeZone;
        }

        public void setTimeZone(ZoneId timeZone) {
            this.timeZone = timeZone;
        }

        public Reminders getReminders() {
            return reminders;
        }

        /** The reminder run: one ActionItemOverdue application event per item and day. */
        public static class Reminders {

            /** Whether this node runs reminders; safe on every node of a cluster. */
            private boolean enabled = true;

            /** How often to look for overdue items. */
            private Duration interval = Duration.ofDays(1);

            /** Remind of items due within this many days too. */
            private int leadDays;

            public boolean isEnabled() {
                return enabled;
            }

            public void setEnabled(boolean enabled) {
                this.enabled = enabled;
            }

            public Duration getInterval() {
                return interval;
            }

            public void setInterval(Duration interval) {
                this.interval = interval;
            }

            public int getLeadDays() {
                return leadDays;
            }

            public void setLeadDays(int leadDays) {
                this.leadDays = leadDays;
            }
        }
    }

    /** Where the API is mounted. */
    public static class Api {

        /** Path of the post-mortems. */
        private String basePath = "/api/postmortems";

        /** Path of the template catalog. */
        private String templatesPath = "/api/postmortem-templates";

        /** Path of the incident catalog (the host's incidents, through its IncidentCatalog bean). */
        private String incidentsPath = "/api/postmortem-incidents";

        /** Path of the action items across post-mortems. */
        private String actionItemsPath = "/api/action-items";

        public String getActionItemsPath() {
            return actionItemsPath;
        }

        public void setActionItemsPath(String actionItemsPath) {
            this.actionItemsPath = actionItemsPath;
        }

        /** Path of the figures across post-mortems. */
        private String insightsPath = "/api/postmortem-insights";

        public String getInsightsPath() {
            return insightsPath;
        }

        public void setInsightsPath(String insightsPath) {
            this.insightsPath = insightsPath;
        }

        /** Path of the web UI; empty switches the UI off. */
        private String uiPath = "/postmortems";

        public String getUiPath() {
            return uiPath;
        }

        public void setUiPath(String uiPath) {
            this.uiPath = uiPath;
        }

        public String getBasePath() {
            return basePath;
        }

        public void setBasePath(String basePath) {
            this.basePath = basePath;
        }

        public String getTemplatesPath() {
            return templatesPath;
        }

        public void setTemplatesPath(String templatesPath) {
            this.templatesPath = templatesPath;
        }

        public String getIncidentsPath() {
            return incidentsPath;
        }

        public void setIncidentsPath(String incidentsPath) {
            this.incidentsPath = incidentsPath;
        }
    }

    /** Storage on the application's DataSource. */
    public static class Jdbc {

        /**
         * When to apply the shipped migrations (the pm_ tables) on start-up: only on a database
         * that runs inside the application (in memory or an H2 file), always, or never (the host
         * runs the SQL files with its own tooling).
         */
        private InitializeSchema initializeSchema = InitializeSchema.EMBEDDED;

        /**
         * Whether to compact an embedded H2 file database every second while the application
         * runs, when H2 does not do it itself: with WRITE_DELAY=0 (each commit stored before it
         * is acknowledged) H2 starts no background thread, and the open file grows with every
         * write until the application stops.
         */
        private boolean compactEmbeddedH2 = true;

        public InitializeSchema getInitializeSchema() {
            return initializeSchema;
        }

        public void setInitializeSchema(InitializeSchema initializeSchema) {
            this.initializeSchema = initializeSchema;
        }

        public boolean isCompactEmbeddedH2() {
            return compactEmbeddedH2;
        }

        public void setCompactEmbeddedH2(boolean compactEmbeddedH2) {
            this.compactEmbeddedH2 = compactEmbeddedH2;
        }
    }

    /** The review workflow. */
    public static class Workflow {

        /** Whether a draft must be reviewed (IN_REVIEW) before it can be published. */
        private boolean requireReview = true;

        public boolean isRequireReview() {
            return requireReview;
        }

        public void setRequireReview(boolean requireReview) {
            this.requireReview = requireReview;
        }

        /** Current approvals (of the content as it is, not by its creator) a post-mortem needs to be published. */
        private int requiredApprovals;

        /** Whether every comment thread must be resolved before a post-mortem is published. */
        private boolean requireResolvedThreads;

        /** Whether admins may publish without the required approvals and resolved threads. */
        private boolean adminsMayPublishWithoutApprovals;

        public int getRequiredApprovals() {
            return requiredApprovals;
        }

        public void setRequiredApprovals(int requiredApprovals) {
            this.requiredApprovals = requiredApprovals;
        }

        public boolean isRequireResolvedThreads() {
            return requireResolvedThreads;
        }

        public void setRequireResolvedThreads(boolean requireResolvedThreads) {
            this.requireResolvedThreads = requireResolvedThreads;
        }

        public boolean isAdminsMayPublishWithoutApprovals() {
            return adminsMayPublishWithoutApprovals;
        }

        public void setAdminsMayPublishWithoutApprovals(boolean adminsMayPublishWithoutApprovals) {
            this.adminsMayPublishWithoutApprovals = adminsMayPublishWithoutApprovals;
        }

        ApprovalPolicy approvalPolicy() {
            return new ApprovalPolicy(requiredApprovals, requireResolvedThreads, adminsMayPublishWithoutApprovals);
        }
    }

    /** HTTP limits. */
    public static class Http {

        /** The largest request body accepted; larger ones are answered 413. */
        private DataSize maxBodySize = DataSize.ofMegabytes(1);

        public DataSize getMaxBodySize() {
            return maxBodySize;
        }

        public void setMaxBodySize(DataSize maxBodySize) {
            this.maxBodySize = maxBodySize;
        }
    }

    /** How callers become actors when Spring Security is present. */
    public static class Security {

        /** The granted authority that makes a user a tenant admin (sees drafts, edits everything). */
        private String adminAuthority = "ROLE_ADMIN";

        /** The tenant every authenticated user belongs to; define a TenantResolver bean for more. */
        private String tenant = "default";

        /**
         * Whether every SecurityFilterChain built from Spring Security's HttpSecurity answers an
         * unauthenticated API request with the API's 401 problem document and exempts API requests
         * that carry their own credentials (an Authorization header) from the CSRF check.
         */
        private boolean configureHttpSecurity = true;

        public String getAdminAuthority() {
            return adminAuthority;
        }

        public void setAdminAuthority(String adminAuthority) {
            this.adminAuthority = adminAuthority;
        }

        public String getTenant() {
            return tenant;
        }

        public void setTenant(String tenant) {
            this.tenant = tenant;
        }

        public boolean isConfigureHttpSecurity() {
            return configureHttpSecurity;
        }

        public void setConfigureHttpSecurity(boolean configureHttpSecurity) {
            this.configureHttpSecurity = configureHttpSecurity;
        }
    }

    /** When the shipped migrations run. */
    public enum InitializeSchema {
        /** Only when the database runs inside the application: in memory, or an H2 file. */
        EMBEDDED,
        /** On every start-up (they are versioned; applied ones are skipped). */
        ALWAYS,
        /** Never: the host applies the SQL files itself. */
        NEVER
    }
}

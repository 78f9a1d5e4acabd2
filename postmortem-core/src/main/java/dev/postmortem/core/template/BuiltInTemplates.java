package dev.postmortem.core.template;

import static dev.postmortem.core.model.Priority.HIGH;
import static dev.postmortem.core.model.Priority.LOW;
import static dev.postmortem.core.model.Priority.MEDIUM;

import dev.postmortem.core.model.ActionItemInput;
import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.model.Priority;
import dev.postmortem.core.model.TimelineEventInput;
import java.util.List;

/**
 * The five templates every installation has: database outage, API downtime, security
 * incident, deployment failure and third-party failure. Their text guides an on-call engineer
 * through what reviewers will ask about such an incident.
 */
public final class BuiltInTemplates implements TemplateCatalog {

    public static final String DATABASE_OUTAGE = "database-outage";
    public static final String API_DOWNTIME = "api-downtime";
    public static final String SECURITY_INCIDENT = "security-incident";
    public static final String DEPLOYMENT_FAILURE = "deployment-failure";
    public static final String THIRD_PARTY_FAILURE = "third-party-failure";

    private static final List<Template> TEMPLATES = List.of(
            template(DATABASE_OUTAGE, "Database outage",
                    "The primary database was unavailable, degraded or lost data.",
                    "Database outage - {incidentId} - {date}",
                    "Which database (cluster, role, version) failed, how it failed (unreachable, slow,"
                            + " read-only, data loss), for how long, and how service was restored.",
                    "Which services and users were affected, for how long; failed or slow requests,"
                            + " error rates, data written late or lost, SLOs breached.",
                    "The chain of causes, not a person: connection pool exhaustion, disk or memory"
                            + " full, a long-running query or lock, a failed failover, replication lag."
                            + " Why did monitoring not warn earlier?",
                    List.of(event("00:00", "First alert: database errors or latency above threshold"),
                            event("00:05", "On-call engineer acknowledges and starts investigating"),
                            event("00:15", "Cause identified (connections, storage, locks, failover)"),
                            event("00:30", "Mitigation applied (failover, scale up, kill query, restore)"),
                            event("00:45", "Service confirmed healthy; monitoring back to normal")),
                    List.of(item("Add monitoring and alerts on connection count, replication lag and"
                                    + " disk usage before they reach their limits", HIGH),
                            item("Review database capacity and scaling limits against peak load", HIGH),
                            item("Test backup restore and failover in a drill; record the time it takes",
                                    MEDIUM),
                            item("Document the recovery steps in the runbook", LOW))),
            template(API_DOWNTIME, "API downtime",
                    "A public or internal API answered with errors or not at all.",
                    "API downtime - {incidentId} - {date}",
                    "Which API endpoints failed, what callers saw (5xx, timeouts, wrong answers),"
                            + " from when until when, and what brought them back.",
                    "Requests failed or slowed (counts, error rate, latency percentiles), customers and"
                            + " integrations affected, SLA or SLO consequences.",
                    "What made the API fail: a dependency, resource exhaustion, a bad configuration,"
                            + " a traffic spike, missing rate limits or timeouts. Why it was not caught.",
                    List.of(event("00:00", "Error rate or latency alert fires for the API"),
                            event("00:05", "Incident declared; status page updated"),
                            event("00:20", "Failing component identified"),
                            event("00:30", "Fix or rollback deployed; traffic recovering"),
                            event("00:50", "Error rates back to baseline; incident resolved")),
                    List.of(item("Add synthetic checks and alerts on the affected endpoints", HIGH),
                            item("Set timeouts, retries with backoff and rate limits on the failing path",
                                    HIGH),
                            item("Load-test the API at peak traffic and plan the scaling needed", MEDIUM),
                            item("Update the status page process and customer communication template",
                                    LOW))),
            template(SECURITY_INCIDENT, "Security incident",
                    "Unauthorised access, a data exposure, a leaked secret or an exploited vulnerability.",
                    "Security incident - {incidentId} - {date}",
                    "What was exposed or accessed, how it was detected, how it was contained, and"
                            + " whether it is fully closed. Keep sensitive details to what reviewers need.",
                    "Which systems, data and customers were affected; whether personal data was involved;"
                            + " legal, regulatory or contractual notification duties.",
                    "The weakness that allowed it (vulnerability, misconfiguration, leaked credential,"
                            + " missing control) and why existing controls did not stop or detect it sooner.",
                    List.of(event("00:00", "Suspicious activity detected (alert, report, audit finding)"),
                            event("00:10", "Security on-call engaged; incident declared"),
                            event("00:30", "Access contained: credentials rotated, access revoked, host isolated"),
                            event("02:00", "Scope of exposure established from logs"),
                            event("04:00", "Notifications sent to affected parties as required")),
                    List.of(item("Rotate every credential that may have been exposed and verify rotation",
                                    HIGH),
                            item("Run an access audit of the affected systems and remove unneeded access",
                                    HIGH),
                            item("Complete compliance and regulatory reporting, and keep the evidence",
                                    HIGH),
                            item("Add detection for this attack pattern to security monitoring", MEDIUM),
                            item("Schedule security training on the weakness that was exploited", LOW))),
            template(DEPLOYMENT_FAILURE, "Deployment failure",
                    "A release broke production or had to be rolled back.",
                    "Deployment failure - {incidentId} - {date}",
                    "Which release (version, change) was deployed, what broke, how it was noticed, and"
                            + " whether it was rolled back or fixed forward.",
                    "Users and services affected during the bad release, failed requests or jobs, time"
                            + " until rollback, releases blocked meanwhile.",
                    "The defect and why the pipeline let it through: missing tests, configuration that"
                            + " differs between environments, a migration, no canary or health check.",
                    List.of(event("00:00", "Deployment of the release starts"),
                            event("00:10", "Alerts or user reports of errors after the release"),
                            event("00:15", "Release identified as the cause; rollback decided"),
                            event("00:25", "Rollback completed"),
                            event("00:40", "Service verified healthy on the previous version")),
                    List.of(item("Automate rollback and document when to use it", HIGH),
                            item("Close the CI/CD gap: add the test or check that would have caught this",
                                    HIGH),
                            item("Introduce canary or staged rollout with automatic health checks", MEDIUM),
                            item("Align staging configuration with production", LOW))),
            template(THIRD_PARTY_FAILURE, "Third-party failure",
                    "An external provider (payments, cloud, SaaS, CDN) failed and took features with it.",
                    "Third-party failure - {incidentId} - {date}",
                    "Which provider failed, how it affected our service, how we learned of it (our"
                            + " monitoring or theirs), and what we did while waiting for them.",
                    "Features unavailable or degraded, users and transactions affected, contractual SLA"
                            + " of the provider versus what we experienced.",
                    "The provider's cause as they report it, and ours: the single point of failure,"
                            + " missing fallback, timeouts or circuit breakers that let it spread.",
                    List.of(event("00:00", "Errors from calls to the provider start"),
                            event("00:10", "Provider status page checked; support ticket opened"),
                            event("00:20", "Degraded mode or fallback enabled where possible"),
                            event("01:00", "Provider reports the issue resolved"),
                            event("01:15", "Our service verified fully recovered")),
                    List.of(item("Add a circuit breaker and timeouts around calls to the provider", HIGH),
                            item("Design a vendor fallback or degraded mode for the affected features",
                                    HIGH),
                            item("Monitor the provider's availability from our side and alert on it",
                                    MEDIUM),
                            item("Review the provider's SLA and escalation contacts", LOW))));

    @Override
    public List<Template> all() {
        return TEMPLATES;
    }

    private static Template template(String id, String name, String description, String title, String summary,
                                     String impact, String rootCause, List<TimelineEventInput> timeline,
                                     List<ActionItemInput> actionItems) {
        return new Template(id, name, description, PostMortemInput.builder().title(title).summary(summary)
                .impact(impact).rootCause(rootCause).timeline(timeline).actionItems(actionItems).build());
    }

    private static TimelineEventInput event(String time, String description) {
        return TimelineEventInput.of(time, description);
    }

    private static ActionItemInput item(String description, Priority priority) {
        return ActionItemInput.of(description, null, priority, null);
    }
}

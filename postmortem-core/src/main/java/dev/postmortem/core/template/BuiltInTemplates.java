package dev.postmortem.core.template;

import static dev.postmortem.core.model.Priority.HIGH;
import static dev.postmortem.core.model.Priority.LOW;
import static dev.postmortem.core.model.Priority.MEDIUM;

import dev.postmortem.core.model.ActionItemInput;
import dev.postmortem.core.model.KeyMoment;
import dev.postmortem.core.model.Priority;
import java.util.List;

/**
 * The five templates every installation has: database outage, API downtime, security
 * incident, deployment failure and third-party failure. Their hints guide an on-call engineer
 * through what reviewers will ask about such an incident.
 */
public final class BuiltInTemplates implements TemplateCatalog {

    public static final String DATABASE_OUTAGE = "database-outage";
    public static final String API_DOWNTIME = "api-downtime";
    public static final String SECURITY_INCIDENT = "security-incident";
    public static final String DEPLOYMENT_FAILURE = "deployment-failure";
    public static final String THIRD_PARTY_FAILURE = "third-party-failure";

    private static final List<Template> TEMPLATES = List.of(
            new Template(DATABASE_OUTAGE, "Database outage",
                    "The primary database was unavailable, degraded or lost data.",
                    "Database outage - {incidentId} - {date}",
                    new TemplateHints(
                            "Which database (cluster, role, version) failed, how it failed (unreachable, slow,"
                                    + " read-only, data loss), for how long, and how service was restored.",
                            "Which services and users were affected, for how long; failed or slow requests,"
                                    + " error rates, data written late or lost, SLOs breached.",
                            "The chain of causes, not a person: connection pool exhaustion, disk or memory"
                                    + " full, a long-running query or lock, a failed failover, replication lag.",
                            "Orders, payments or reports that failed or were delayed; SLA credits owed.",
                            "Load, a schema or query change, a maintenance job, a failover that did not happen.",
                            "Which alert on connections, lag, disk or slow queries was missing or too late?",
                            "What the team now knows about this database's limits and recovery."),
                    List.of(suggested("Database errors or latency start", KeyMoment.IMPACT_STARTED),
                            suggested("First alert on database errors or latency", KeyMoment.DETECTED),
                            suggested("On-call engineer acknowledges and starts investigating",
                                    KeyMoment.ACKNOWLEDGED),
                            suggested("Cause identified (connections, storage, locks, failover)", null),
                            suggested("Mitigation applied (failover, scale up, kill query, restore)",
                                    KeyMoment.MITIGATED),
                            suggested("Service confirmed healthy; monitoring back to normal", KeyMoment.RESOLVED)),
                    List.of(item("Add monitoring and alerts on connection count, replication lag and"
                                    + " disk usage before they reach their limits", HIGH),
                            item("Review database capacity and scaling limits against peak load", HIGH),
                            item("Test backup restore and failover in a drill; record the time it takes",
                                    MEDIUM),
                            item("Document the recovery steps in the runbook", LOW))),
            new Template(API_DOWNTIME, "API downtime",
                    "A public or internal API answered with errors or not at all.",
                    "API downtime - {incidentId} - {date}",
                    new TemplateHints(
                            "Which API endpoints failed, what callers saw (5xx, timeouts, wrong answers),"
                                    + " from when until when, and what brought them back.",
                            "Requests failed or slowed (counts, error rate, latency percentiles), customers and"
                                    + " integrations affected.",
                            "What made the API fail: a deployment or configuration change, a dependency,"
                                    + " resource exhaustion, a traffic spike, missing rate limits or timeouts.",
                            "SLA or SLO consequences, partners and integrations that failed with us.",
                            "Was a deployment or configuration change made shortly before? Traffic, dependencies,"
                                    + " limits.",
                            "Why synthetic checks, canaries or error-rate alerts did not catch it before users did.",
                            "What the team now knows about this API's failure modes."),
                    List.of(suggested("Error rate or latency starts rising", KeyMoment.IMPACT_STARTED),
                            suggested("Error rate or latency alert fires for the API", KeyMoment.DETECTED),
                            suggested("Incident declared; status page updated", KeyMoment.ACKNOWLEDGED),
                            suggested("Recent deployments and configuration changes checked", null),
                            suggested("Fix or rollback deployed; traffic recovering", KeyMoment.MITIGATED),
                            suggested("Error rates back to baseline; incident resolved", KeyMoment.RESOLVED)),
                    List.of(item("Add synthetic checks and alerts on the affected endpoints", HIGH),
                            item("Set timeouts, retries with backoff and rate limits on the failing path",
                                    HIGH),
                            item("Gate deployments on the API's error rate, with automatic rollback", MEDIUM),
                            item("Load-test the API at peak traffic and plan the scaling needed", MEDIUM),
                            item("Update the status page process and customer communication template",
                                    LOW))),
            new Template(SECURITY_INCIDENT, "Security incident",
                    "Unauthorised access, a data exposure, a leaked secret or an exploited vulnerability.",
                    "Security incident - {incidentId} - {date}",
                    new TemplateHints(
                            "What was exposed or accessed, how it was detected, how it was contained, and"
                                    + " whether it is fully closed. Keep sensitive details to what reviewers need.",
                            "Which systems, data and customers were affected; whether personal data was involved.",
                            "The weakness that allowed it (vulnerability, misconfiguration, leaked credential,"
                                    + " missing control) and why existing controls did not stop it.",
                            "Legal, regulatory or contractual notification duties; customers to inform.",
                            "When the weakness was introduced, and when exploitation began (from logs).",
                            "Why detection came when it did: the gap between exploitation and detection.",
                            "What the team now knows about its attack surface and its response."),
                    List.of(suggested("Exploitation begins (first malicious access in the logs)",
                                    KeyMoment.IMPACT_STARTED),
                            suggested("Suspicious activity detected (alert, report, audit finding)",
                                    KeyMoment.DETECTED),
                            suggested("Security on-call engaged; incident declared", KeyMoment.ACKNOWLEDGED),
                            suggested("Access contained: credentials rotated, access revoked, host isolated",
                                    KeyMoment.MITIGATED),
                            suggested("Scope of exposure established from logs", null),
                            suggested("Notifications sent to affected parties as required", null),
                            suggested("Weakness closed and verified", KeyMoment.RESOLVED)),
                    List.of(item("Rotate every credential that may have been exposed and verify rotation",
                                    HIGH),
                            item("Run an access audit of the affected systems and remove unneeded access",
                                    HIGH),
                            item("Complete compliance and regulatory reporting, and keep the evidence",
                                    HIGH),
                            item("Add detection for this attack pattern to security monitoring", MEDIUM),
                            item("Schedule security training on the weakness that was exploited", LOW))),
            new Template(DEPLOYMENT_FAILURE, "Deployment failure",
                    "A release broke production or had to be rolled back.",
                    "Deployment failure - {incidentId} - {date}",
                    new TemplateHints(
                            "Which release (version, change) was deployed, what broke, how it was noticed, and"
                                    + " whether it was rolled back or fixed forward.",
                            "Users and services affected during the bad release, failed requests or jobs, time"
                                    + " until rollback, releases blocked meanwhile.",
                            "The defect and why the pipeline let it through: missing tests, configuration that"
                                    + " differs between environments, a migration, no canary or health check.",
                            "Customers affected, features unavailable, releases delayed.",
                            "The change itself, its review, the tests and environments it passed.",
                            "Which test, canary or health check would have stopped the release?",
                            "What the team now knows about its release process."),
                    List.of(suggested("Deployment of the release starts", null),
                            suggested("Errors start after the release", KeyMoment.IMPACT_STARTED),
                            suggested("Alerts or user reports of errors", KeyMoment.DETECTED),
                            suggested("Release identified as the cause; rollback decided", KeyMoment.ACKNOWLEDGED),
                            suggested("Rollback completed", KeyMoment.MITIGATED),
                            suggested("Service verified healthy on the previous version", KeyMoment.RESOLVED)),
                    List.of(item("Automate rollback and document when to use it", HIGH),
                            item("Close the CI/CD gap: add the test or check that would have caught this",
                                    HIGH),
                            item("Introduce canary or staged rollout with automatic health checks", MEDIUM),
                            item("Align staging configuration with production", LOW))),
            new Template(THIRD_PARTY_FAILURE, "Third-party failure",
                    "An external provider (payments, cloud, SaaS, CDN) failed and took features with it.",
                    "Third-party failure - {incidentId} - {date}",
                    new TemplateHints(
                            "Which provider failed, how it affected our service, how we learned of it (our"
                                    + " monitoring or theirs), and what we did while waiting for them.",
                            "Features unavailable or degraded, users and transactions affected.",
                            "The provider's cause as they report it, and ours: the single point of failure,"
                                    + " missing fallback, timeouts or circuit breakers that let it spread.",
                            "The provider's contractual SLA versus what we experienced; credits to claim.",
                            "Is there an alternative provider or a degraded mode, and why it was not used.",
                            "Why our own monitoring did, or did not, see the provider fail before they said so.",
                            "What the team now knows about depending on this provider."),
                    List.of(suggested("Errors from calls to the provider start", KeyMoment.IMPACT_STARTED),
                            suggested("Our alert on provider errors fires", KeyMoment.DETECTED),
                            suggested("Provider status page checked; support ticket opened",
                                    KeyMoment.ACKNOWLEDGED),
                            suggested("Degraded mode, fallback or alternative provider enabled",
                                    KeyMoment.MITIGATED),
                            suggested("Provider reports the issue resolved", null),
                            suggested("Our service verified fully recovered", KeyMoment.RESOLVED)),
                    List.of(item("Add a circuit breaker and timeouts around calls to the provider", HIGH),
                            item("Evaluate an alternative provider and the switch-over it needs", HIGH),
                            item("Design a vendor fallback or degraded mode for the affected features",
                                    MEDIUM),
                            item("Monitor the provider's availability from our side and alert on it",
                                    MEDIUM),
                            item("Review the provider's SLA and escalation contacts", LOW))));

    @Override
    public List<Template> all() {
        return TEMPLATES;
    }

    private static SuggestedEvent suggested(String description, KeyMoment keyMoment) {
        return new SuggestedEvent(description, keyMoment);
    }

    private static ActionItemInput item(String description, Priority priority) {
        return ActionItemInput.of(description, null, priority, null);
    }
}

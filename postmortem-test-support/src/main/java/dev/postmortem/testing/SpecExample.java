package dev.postmortem.testing;

import dev.postmortem.core.model.ActionItemInput;
import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.model.Priority;
import java.time.LocalDate;

/** The example post-mortem of the product spec, as a create command. */
public final class SpecExample {

    /** The incident the example documents. */
    public static final String INCIDENT_ID = "INC-2024-001";

    private SpecExample() {
    }

    public static PostMortemInput command() {
        return builder().build();
    }

    /** The example, to be completed with more fields before it is built. */
    public static PostMortemInput.Builder builder() {
        return PostMortemInput.builder()
                .incidentId(INCIDENT_ID)
                .title("Database Connection Pool Exhaustion")
                .summary("The primary database connection pool was exhausted, causing API requests to fail"
                        + " for 45 minutes.")
                .impact("30% of API requests failed between 14:30 and 15:15 UTC. Approximately 2,000 users"
                        + " were affected.")
                .rootCause("A feature deployed at 14:00 opened database connections without releasing them.")
                .event("14:30", "First alerts for elevated API error rates")
                .event("14:35", "On-call engineer acknowledged the alert")
                .event("14:50", "Connection pool exhaustion identified as the cause")
                .event("15:05", "Feature flag disabled and connections released")
                .event("15:15", "Error rates back to normal")
                .actionItem(ActionItemInput.of("Add connection pool usage monitoring and alerts",
                        "alice@example.com", Priority.HIGH, LocalDate.parse("2024-02-01")))
                .actionItem(ActionItemInput.of("Add a connection leak test to CI",
                        "bob@example.com", Priority.MEDIUM, LocalDate.parse("2024-02-15")))
                ;
    }
}

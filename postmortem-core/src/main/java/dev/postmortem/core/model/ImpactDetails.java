package dev.postmortem.core.model;

import java.util.List;

/**
 * The impact in the terms the spec asks for, beside its free text; each part optional.
 *
 * @param usersAffected how many users, {@code null} when not known
 * @param usersAffectedPercent the share of users, 0 to 100, {@code null} when not known
 * @param servicesAffected the services impacted, as the host names them
 * @param businessImpact revenue, SLAs, customers: what the incident cost the business
 */
public record ImpactDetails(Long usersAffected, Double usersAffectedPercent, List<String> servicesAffected,
                            String businessImpact) {

    public static final ImpactDetails NONE = new ImpactDetails(null, null, List.of(), null);

    public ImpactDetails {
        servicesAffected = servicesAffected == null ? List.of() : List.copyOf(servicesAffected);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }
}

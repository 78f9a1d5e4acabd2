package dev.postmortem.core.followup;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Where each tenant's day begins: an action item is overdue once its due date has passed in its
 * tenant's zone, whatever zone the server runs in. A host with tenants in several zones
 * implements it; one zone for all is {@link #of}.
 */
@FunctionalInterface
public interface TenantTimeZones {

    ZoneId zoneOf(String tenantId);

    static TenantTimeZones of(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        return tenantId -> zone;
    }

    /** Every tenant in UTC: the default. */
    static TenantTimeZones utc() {
        return of(ZoneId.of("UTC"));
    }
}

package dev.postmortem.core.classification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The listing's classification filters; each {@code null} when not asked for.
 *
 * @param tag only post-mortems with this tag (normalised as tags are)
 * @param category only this root-cause category
 * @param service only post-mortems whose impact names this service (any case)
 * @param templateId only post-mortems started from this template
 * @param from only post-mortems whose day ({@link #dayOf}) is this or later
 * @param to only post-mortems whose day is this or earlier
 */
public record ListFilters(String tag, String category, String service, String templateId, LocalDate from,
                          LocalDate to) {

    public static final ListFilters NONE = new ListFilters(null, null, null, null, null, null);

    public ListFilters {
        service = service == null ? null : service.toLowerCase(Locale.ROOT);
    }

    /** The day a post-mortem is filtered by: its incident's date, or else the UTC day it was created. */
    public static LocalDate dayOf(LocalDate incidentDate, Instant createdAt) {
        return incidentDate != null ? incidentDate : LocalDate.ofInstant(createdAt, ZoneOffset.UTC);
    }
}

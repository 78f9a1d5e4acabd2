package dev.postmortem.core.history;

import dev.postmortem.core.model.Approval;
import dev.postmortem.core.model.ImpactDetails;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemContent;
import dev.postmortem.core.model.RootCauseDetails;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The fields that differ between two versions of a post-mortem, in the order of the
 * document's fields, named as the API names them: text and values whole, lists of elements
 * element by element (by id), so that a diff shows what was added, removed or changed.
 */
public final class VersionChanges {

    private VersionChanges() {
    }

    public static List<FieldChange> between(PostMortem before, PostMortem after) {
        List<FieldChange> changes = new ArrayList<>();
        PostMortemContent a = before.content();
        PostMortemContent b = after.content();
        ImpactDetails ia = a.impactDetails();
        ImpactDetails ib = b.impactDetails();
        RootCauseDetails ra = a.rootCauseDetails();
        RootCauseDetails rb = b.rootCauseDetails();
        value(changes, "incidentId", a.incidentId(), b.incidentId());
        value(changes, "title", a.title(), b.title());
        value(changes, "summary", a.summary(), b.summary());
        value(changes, "impact", a.impact(), b.impact());
        value(changes, "usersAffected", ia.usersAffected(), ib.usersAffected());
        value(changes, "usersAffectedPercent", ia.usersAffectedPercent(), ib.usersAffectedPercent());
        value(changes, "servicesAffected", ia.servicesAffected(), ib.servicesAffected());
        value(changes, "businessImpact", ia.businessImpact(), ib.businessImpact());
        value(changes, "rootCause", a.rootCause(), b.rootCause());
        value(changes, "contributingFactors", ra.contributingFactors(), rb.contributingFactors());
        value(changes, "whyNotCaughtEarlier", ra.whyNotCaughtEarlier(), rb.whyNotCaughtEarlier());
        value(changes, "lessonsLearned", ra.lessonsLearned(), rb.lessonsLearned());
        value(changes, "incidentDate", a.incidentDate(), b.incidentDate());
        value(changes, "timeZone", a.timeZone().getId(), b.timeZone().getId());
        elements(changes, "timeline/", a.timeline(), b.timeline(), event -> event.id().toString());
        elements(changes, "actionItems/", a.actionItems(), b.actionItems(), item -> item.id().toString());
        value(changes, "contributors", a.contributors(), b.contributors());
        value(changes, "tags", a.tags(), b.tags());
        value(changes, "category", a.category(), b.category());
        value(changes, "status", before.status(), after.status());
        elements(changes, "approvals/", before.approvals(), after.approvals(), Approval::approvedBy);
        return changes;
    }

    private static void value(List<FieldChange> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before, after));
        }
    }

    /** Changed and removed elements in the old order, then added ones in the new order. */
    private static <E> void elements(List<FieldChange> changes, String path, List<E> before, List<E> after,
                                     Function<E, String> key) {
        Map<String, E> now = new LinkedHashMap<>();
        after.forEach(element -> now.put(key.apply(element), element));
        Set<String> seen = new LinkedHashSet<>();
        for (E old : before) {
            String id = key.apply(old);
            seen.add(id);
            value(changes, path + id, old, now.get(id));
        }
        now.forEach((id, added) -> {
            if (!seen.contains(id)) {
                changes.add(new FieldChange(path + id, null, added));
            }
        });
    }
}

package dev.postmortem.core.postmortem;

import dev.postmortem.core.model.ActionItemInput;
import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.model.TimelineEventInput;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A merge update (RFC 7396 semantics): a field that was not set stays as it is; a field set
 * to {@code null} is removed (impact, root cause) or emptied (lists); lists replace the old
 * list whole, and elements carrying the id of an existing element keep that id. A status, when
 * set, moves the post-mortem through the workflow after the other changes are applied.
 */
public final class PostMortemChanges {

    private final PostMortemInput patch;
    private final boolean[] present;
    private final PostMortemStatus status;

    private static final int INCIDENT_ID = 0;
    private static final int TITLE = 1;
    private static final int SUMMARY = 2;
    private static final int IMPACT = 3;
    private static final int ROOT_CAUSE = 4;
    private static final int TIMELINE = 5;
    private static final int ACTION_ITEMS = 6;
    private static final int CONTRIBUTORS = 7;

    private PostMortemChanges(Builder builder) {
        this.patch = new PostMortemInput(builder.incidentId, builder.title, builder.summary, builder.impact,
                builder.rootCause, builder.timeline, builder.actionItems, builder.contributors);
        this.present = builder.present.clone();
        this.status = builder.status;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The target status, when this update also moves the post-mortem through the workflow. */
    public Optional<PostMortemStatus> status() {
        return Optional.ofNullable(status);
    }

    /** Whether any written field is touched (as opposed to only a status change). */
    public boolean changesContent() {
        for (boolean field : present) {
            if (field) {
                return true;
            }
        }
        return false;
    }

    /** The lists this update replaces whole, by their JSON names; empty when it replaces none. */
    public List<String> replacedLists() {
        List<String> lists = new ArrayList<>();
        if (present[TIMELINE]) {
            lists.add("timeline");
        }
        if (present[ACTION_ITEMS]) {
            lists.add("actionItems");
        }
        if (present[CONTRIBUTORS]) {
            lists.add("contributors");
        }
        return lists;
    }

    /** {@code current} with these changes merged in. */
    public PostMortemInput applyTo(PostMortemInput current) {
        return new PostMortemInput(
                pick(INCIDENT_ID, patch.incidentId(), current.incidentId()),
                pick(TITLE, patch.title(), current.title()),
                pick(SUMMARY, patch.summary(), current.summary()),
                pick(IMPACT, patch.impact(), current.impact()),
                pick(ROOT_CAUSE, patch.rootCause(), current.rootCause()),
                listOrEmpty(pick(TIMELINE, patch.timeline(), current.timeline())),
                listOrEmpty(pick(ACTION_ITEMS, patch.actionItems(), current.actionItems())),
                listOrEmpty(pick(CONTRIBUTORS, patch.contributors(), current.contributors())));
    }

    private <T> T pick(int field, T changed, T current) {
        return present[field] ? changed : current;
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Set only what changes; {@code null} removes the value. */
    public static final class Builder {
        private final boolean[] present = new boolean[8];
        private String incidentId;
        private String title;
        private String summary;
        private String impact;
        private String rootCause;
        private List<TimelineEventInput> timeline;
        private List<ActionItemInput> actionItems;
        private List<String> contributors;
        private PostMortemStatus status;

        private Builder() {
        }

        public Builder incidentId(String value) {
            present[INCIDENT_ID] = true;
            incidentId = value;
            return this;
        }

        public Builder title(String value) {
            present[TITLE] = true;
            title = value;
            return this;
        }

        public Builder summary(String value) {
            present[SUMMARY] = true;
            summary = value;
            return this;
        }

        public Builder impact(String value) {
            present[IMPACT] = true;
            impact = value;
            return this;
        }

        public Builder rootCause(String value) {
            present[ROOT_CAUSE] = true;
            rootCause = value;
            return this;
        }

        public Builder timeline(List<TimelineEventInput> value) {
            present[TIMELINE] = true;
            timeline = copy(value);
            return this;
        }

        public Builder actionItems(List<ActionItemInput> value) {
            present[ACTION_ITEMS] = true;
            actionItems = copy(value);
            return this;
        }

        public Builder contributors(List<String> value) {
            present[CONTRIBUTORS] = true;
            contributors = copy(value);
            return this;
        }

        public Builder status(PostMortemStatus value) {
            status = value;
            return this;
        }

        private static <T> List<T> copy(List<T> list) {
            return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
        }

        public PostMortemChanges build() {
            return new PostMortemChanges(this);
        }
    }
}

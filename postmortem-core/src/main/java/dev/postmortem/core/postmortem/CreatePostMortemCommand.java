package dev.postmortem.core.postmortem;

import dev.postmortem.core.model.ActionItemInput;
import dev.postmortem.core.model.TimelineEventInput;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Start a post-mortem. Values left empty are filled from the template when one is named.
 *
 * @param templateId a template from the catalog, or {@code null}
 * @param status DRAFT (the default, when {@code null}) or IN_REVIEW
 */
public record CreatePostMortemCommand(String templateId, PostMortemStatus status, String incidentId, String title,
                                      String summary, String impact, String rootCause,
                                      List<TimelineEventInput> timeline, List<ActionItemInput> actionItems,
                                      List<String> contributors) {

    public CreatePostMortemCommand {
        timeline = timeline == null ? List.of() : nullSafeCopy(timeline);
        actionItems = actionItems == null ? List.of() : nullSafeCopy(actionItems);
        contributors = contributors == null ? List.of() : nullSafeCopy(contributors);
    }

    // List.copyOf rejects null elements; a null element is bad input to report, not a crash.
    private static <T> List<T> nullSafeCopy(List<T> list) {
        return Collections.unmodifiableList(new ArrayList<>(list));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads better than ten positional arguments at a call site. */
    public static final class Builder {
        private String templateId;
        private PostMortemStatus status;
        private String incidentId;
        private String title;
        private String summary;
        private String impact;
        private String rootCause;
        private List<TimelineEventInput> timeline = new ArrayList<>();
        private List<ActionItemInput> actionItems = new ArrayList<>();
        private List<String> contributors = new ArrayList<>();

        private Builder() {
        }

        public Builder templateId(String value) {
            templateId = value;
            return this;
        }

        public Builder status(PostMortemStatus value) {
            status = value;
            return this;
        }

        public Builder incidentId(String value) {
            incidentId = value;
            return this;
        }

        public Builder title(String value) {
            title = value;
            return this;
        }

        public Builder summary(String value) {
            summary = value;
            return this;
        }

        public Builder impact(String value) {
            impact = value;
            return this;
        }

        public Builder rootCause(String value) {
            rootCause = value;
            return this;
        }

        public Builder timeline(List<TimelineEventInput> value) {
            timeline = value;
            return this;
        }

        public Builder event(String time, String description) {
            timeline.add(TimelineEventInput.of(time, description));
            return this;
        }

        public Builder actionItems(List<ActionItemInput> value) {
            actionItems = value;
            return this;
        }

        public Builder actionItem(ActionItemInput value) {
            actionItems.add(value);
            return this;
        }

        public Builder contributors(List<String> value) {
            contributors = value;
            return this;
        }

        public CreatePostMortemCommand build() {
            return new CreatePostMortemCommand(templateId, status, incidentId, title, summary, impact, rootCause,
                    timeline, actionItems, contributors);
        }
    }
}

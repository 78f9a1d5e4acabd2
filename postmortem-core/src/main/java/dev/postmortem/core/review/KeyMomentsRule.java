package dev.postmortem.core.review;

import dev.postmortem.core.model.KeyMoment;
import dev.postmortem.core.model.TimelineEvent;
import java.util.List;

/** {@code key-moments}: the timeline marks when the incident was detected and when it was resolved. */
final class KeyMomentsRule extends BuiltInRule {

    static final String ID = "key-moments";

    KeyMomentsRule() {
        super(ID, Severity.WARNING);
    }

    @Override
    public void check(ReadinessContext context, Findings findings) {
        List<TimelineEvent> timeline = context.postMortem().content().timeline();
        for (KeyMoment moment : List.of(KeyMoment.DETECTED, KeyMoment.RESOLVED)) {
            if (timeline.stream().noneMatch(event -> event.keyMoment() == moment)) {
                findings.add("timeline", "No event is marked " + moment.name() + ": time to "
                        + (moment == KeyMoment.DETECTED ? "detect" : "resolve") + " cannot be measured.",
                        "Mark the event when it was " + moment.label().toLowerCase(java.util.Locale.ROOT)
                                + " as that key moment.");
            }
        }
    }
}

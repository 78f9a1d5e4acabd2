package dev.postmortem.core.review;

import java.util.Optional;

/**
 * {@code person-as-cause}: the impact or the root cause (with their parts) names a person: an
 * e-mail address, an {@code @handle}, or someone the post-mortem knows (see {@link People}).
 * Who did what belongs in the timeline; the cause is what the system allowed.
 */
final class PersonAsCauseRule extends BuiltInRule {

    static final String ID = "person-as-cause";

    PersonAsCauseRule() {
        super(ID, Severity.ERROR);
    }

    @Override
    public void check(ReadinessContext context, Findings findings) {
        for (WrittenText written : context.causeAndImpact()) {
            Optional<String> person = context.people().namedIn(written.text());
            person.ifPresent(name -> findings.add(written.field(), "Names a person (\"" + name + "\") where the"
                    + " post-mortem explains causes: it reads as blame and keeps people from speaking openly.",
                    "Name the role or the step instead (\"a manual change to the pool size\"); who did what"
                            + " belongs in the timeline."));
        }
    }
}

package dev.postmortem.core.review;

import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.template.TemplateHints;
import java.util.List;
import java.util.Objects;

/**
 * What a readiness rule reads: the post-mortem, the hints of the template it was started from
 * ({@link TemplateHints#NONE} without one) and the people it names.
 */
public final class ReadinessContext {

    private final PostMortem postMortem;
    private final TemplateHints hints;
    private final People people;

    public ReadinessContext(PostMortem postMortem, TemplateHints hints) {
        this.postMortem = Objects.requireNonNull(postMortem, "postMortem");
        this.hints = hints == null ? TemplateHints.NONE : hints;
        this.people = People.of(postMortem);
    }

    public PostMortem postMortem() {
        return postMortem;
    }

    public TemplateHints hints() {
        return hints;
    }

    /** Its creator, contributors and action item owners, as they may be written in its text. */
    public People people() {
        return people;
    }

    /** Every text an author wrote in it, with its path: sections, their parts, events, items. */
    public List<WrittenText> texts() {
        return WrittenText.all(postMortem.content());
    }

    /** The impact and the root cause with their parts: where a cause is named. */
    public List<WrittenText> causeAndImpact() {
        return WrittenText.causeAndImpact(postMortem.content());
    }
}

package dev.postmortem.core.insight;

import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemContent;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a post-mortem is grouped and found recurring by: each service its impact names
 * (lower-cased), each tag, its category.
 *
 * @param kind {@code service}, {@code tag} or {@code category}
 */
public record Label(String kind, String key) {

    public static Set<Label> of(PostMortem postMortem) {
        PostMortemContent content = postMortem.content();
        Set<Label> labels = new LinkedHashSet<>();
        content.impactDetails().servicesAffected()
                .forEach(service -> labels.add(new Label("service", service.toLowerCase(Locale.ROOT))));
        content.tags().forEach(tag -> labels.add(new Label("tag", tag)));
        if (content.category() != null) {
            labels.add(new Label("category", content.category()));
        }
        return labels;
    }
}

package dev.postmortem.core.search;

import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.Comment;
import dev.postmortem.core.model.ImpactDetails;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemContent;
import dev.postmortem.core.model.RootCauseDetails;
import dev.postmortem.core.model.TimelineEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every text of a post-mortem that search reads, in the order a highlight prefers them: title,
 * summary, root cause, impact, their sub-sections, the timeline, the action items, then the
 * review comments.
 */
public final class SearchableText {

    private SearchableText() {
    }

    /** The document's texts and its comments', each with its weight; empty texts left out. */
    public static List<SearchableField> of(PostMortem postMortem, List<Comment> comments) {
        PostMortemContent content = postMortem.content();
        List<SearchableField> fields = new ArrayList<>(sections(content.title(), content.summary(),
                content.rootCause(), content.impact()));
        fields.addAll(details(content));
        for (Comment comment : comments) {
            add(fields, "comments/" + comment.id(), comment.body(), SearchWeight.D);
        }
        return fields;
    }

    /**
     * The four texts a listing row holds, first in {@link #of}'s order: a hit whose word is in
     * one of them needs nothing else read to be highlighted.
     */
    public static List<SearchableField> sections(String title, String summary, String rootCause, String impact) {
        List<SearchableField> fields = new ArrayList<>();
        add(fields, "title", title, SearchWeight.A);
        add(fields, "summary", summary, SearchWeight.B);
        add(fields, "rootCause", rootCause, SearchWeight.B);
        add(fields, "impact", impact, SearchWeight.C);
        return fields;
    }

    /**
     * The texts beyond title, summary, impact and root cause as one lower-cased text, one per
     * line: what a database keeps beside those four columns to search the rest of the document.
     */
    public static String details(PostMortem postMortem) {
        return details(postMortem.content()).stream().map(SearchableField::text)
                .collect(Collectors.joining("\n")).toLowerCase(Locale.ROOT);
    }

    private static List<SearchableField> details(PostMortemContent content) {
        List<SearchableField> fields = new ArrayList<>();
        ImpactDetails impact = content.impactDetails();
        add(fields, "impact.businessImpact", impact.businessImpact(), SearchWeight.C);
        RootCauseDetails rootCause = content.rootCauseDetails();
        for (int i = 0; i < rootCause.contributingFactors().size(); i++) {
            add(fields, "rootCause.contributingFactors/" + i, rootCause.contributingFactors().get(i), SearchWeight.C);
        }
        add(fields, "rootCause.whyNotCaughtEarlier", rootCause.whyNotCaughtEarlier(), SearchWeight.C);
        for (int i = 0; i < rootCause.lessonsLearned().size(); i++) {
            add(fields, "rootCause.lessonsLearned/" + i, rootCause.lessonsLearned().get(i), SearchWeight.C);
        }
        for (TimelineEvent event : content.timeline()) {
            add(fields, "timeline/" + event.id(), event.description(), SearchWeight.C);
        }
        for (ActionItem item : content.actionItems()) {
            add(fields, "actionItems/" + item.id(), item.description(), SearchWeight.C);
        }
        return fields;
    }

    private static void add(List<SearchableField> fields, String field, String text, SearchWeight weight) {
        if (text != null && !text.isBlank()) {
            fields.add(new SearchableField(field, text, weight));
        }
    }
}

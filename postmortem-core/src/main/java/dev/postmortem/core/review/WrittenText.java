package dev.postmortem.core.review;

import dev.postmortem.core.model.PostMortemContent;
import java.util.ArrayList;
import java.util.List;

/**
 * One piece of text an author wrote, with its path in the document ({@code rootCause},
 * {@code contributingFactors[1]}, {@code timeline[0].description}).
 */
public record WrittenText(String field, String text) {

    /** Every text of the content, in the document's order: sections, their parts, events, items. */
    static List<WrittenText> all(PostMortemContent content) {
        List<WrittenText> texts = new ArrayList<>();
        texts.add(new WrittenText("title", content.title()));
        texts.add(new WrittenText("summary", content.summary()));
        texts.addAll(causeAndImpact(content));
        add(texts, "lessonsLearned", content.rootCauseDetails().lessonsLearned());
        for (int i = 0; i < content.timeline().size(); i++) {
            texts.add(new WrittenText("timeline[" + i + "].description", content.timeline().get(i).description()));
        }
        for (int i = 0; i < content.actionItems().size(); i++) {
            texts.add(new WrittenText("actionItems[" + i + "].description",
                    content.actionItems().get(i).description()));
        }
        return texts.stream().filter(text -> text.text() != null && !text.text().isBlank()).toList();
    }

    /** The texts that say what happened and why: impact and root cause with their parts. */
    static List<WrittenText> causeAndImpact(PostMortemContent content) {
        List<WrittenText> texts = new ArrayList<>();
        texts.add(new WrittenText("impact", content.impact()));
        texts.add(new WrittenText("businessImpact", content.impactDetails().businessImpact()));
        texts.add(new WrittenText("rootCause", content.rootCause()));
        add(texts, "contributingFactors", content.rootCauseDetails().contributingFactors());
        texts.add(new WrittenText("whyNotCaughtEarlier", content.rootCauseDetails().whyNotCaughtEarlier()));
        return texts.stream().filter(text -> text.text() != null && !text.text().isBlank()).toList();
    }

    private static void add(List<WrittenText> texts, String field, List<String> entries) {
        for (int i = 0; i < entries.size(); i++) {
            texts.add(new WrittenText(field + "[" + i + "]", entries.get(i)));
        }
    }
}

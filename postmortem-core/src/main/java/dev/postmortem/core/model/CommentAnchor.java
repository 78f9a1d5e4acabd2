package dev.postmortem.core.model;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a comment is on: {@code null} for the whole document, a section or part
 * ({@code summary}, {@code impact}, {@code businessImpact}, {@code rootCause},
 * {@code contributingFactors}, {@code whyNotCaughtEarlier}, {@code lessonsLearned}), or one
 * element, {@code timeline/{eventId}} or {@code actionItems/{itemId}}.
 */
public final class CommentAnchor {

    private static final Set<String> PARTS = Set.of("summary", "impact", "businessImpact", "rootCause",
            "contributingFactors", "whyNotCaughtEarlier", "lessonsLearned");
    private static final List<String> ELEMENT_LISTS = List.of("timeline/", "actionItems/");

    private CommentAnchor() {
    }

    /** Why {@code anchor} names nothing a comment can be on, or {@code null} when it does (and for {@code null}). */
    public static String problem(String anchor) {
        if (anchor == null || PARTS.contains(anchor)) {
            return null;
        }
        for (String list : ELEMENT_LISTS) {
            if (anchor.startsWith(list) && uuid(anchor.substring(list.length())) != null) {
                return null;
            }
        }
        return "must be null (the whole document), one of " + String.join(", ", PARTS.stream().sorted().toList())
                + ", timeline/{eventId} or actionItems/{itemId}";
    }

    /** Whether the part or element {@code anchor} names is in {@code content}; parts always are. */
    public static boolean isIn(String anchor, PostMortemContent content) {
        if (anchor == null || PARTS.contains(anchor)) {
            return true;
        }
        UUID id = uuid(anchor.substring(anchor.indexOf('/') + 1));
        if (anchor.startsWith("timeline/")) {
            return content.timeline().stream().anyMatch(event -> event.id().equals(id));
        }
        return content.actionItems().stream().anyMatch(item -> item.id().equals(id));
    }

    private static UUID uuid(String text) {
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equals(text.toLowerCase(java.util.Locale.ROOT)) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

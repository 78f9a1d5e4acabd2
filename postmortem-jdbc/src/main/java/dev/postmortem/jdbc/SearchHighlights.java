package dev.postmortem.jdbc;

import dev.postmortem.core.model.Comment;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.postmortem.PostMortemSummary;
import dev.postmortem.core.search.Highlight;
import dev.postmortem.core.search.Highlighter;
import dev.postmortem.core.search.SearchableText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The passage each hit of a search page matched with: the page's documents read in one
 * statement, and the comments of those whose own texts do not hold a word in another.
 */
final class SearchHighlights {

    private SearchHighlights() {
    }

    static List<PostMortemSummary> of(Handle handle, String tenantId, List<PostMortemSummary> page,
                                      List<String> words) {
        if (page.isEmpty()) {
            return page;
        }
        Map<UUID, PostMortem> documents = PostMortemRows.loadAll(handle, tenantId,
                page.stream().map(PostMortemSummary::id).toList()).stream()
                .collect(Collectors.toMap(PostMortem::id, Function.identity()));
        Map<UUID, Highlight> passages = new HashMap<>();
        List<UUID> inComments = new ArrayList<>();
        documents.forEach((id, document) -> {
            Optional<Highlight> passage = Highlighter.exact(words, SearchableText.of(document, List.of()));
            passage.ifPresentOrElse(found -> passages.put(id, found), () -> inComments.add(id));
        });
        if (!inComments.isEmpty()) {
            Map<UUID, List<Comment>> comments = CommentRows.ofPostMortems(handle, tenantId, inComments).stream()
                    .collect(Collectors.groupingBy(Comment::postMortemId));
            for (UUID id : inComments) {
                Highlighter.highlight(words, SearchableText.of(documents.get(id), comments.getOrDefault(id, List.of())))
                        .ifPresent(found -> passages.put(id, found));
            }
        }
        return page.stream().map(row -> row.withHighlight(passages.get(row.id()))).toList();
    }
}

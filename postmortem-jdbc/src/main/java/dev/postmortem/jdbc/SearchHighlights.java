package dev.postmortem.jdbc;

import dev.postmortem.core.model.Comment;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.postmortem.PostMortemSummary;
import dev.postmortem.core.search.Highlight;
import dev.postmortem.core.search.Highlighter;
import dev.postmortem.core.search.SearchableField;
import dev.postmortem.core.search.SearchableText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The passage each hit of a search page matched with: from the four sections its listing row
 * carries when a word is there (most hits); else from its document, read with the others in one
 * statement, and then its comments, read in another: a document is its whole content JSON
 * parsed, which a hit in its title or summary does not need.
 */
final class SearchHighlights {

    private SearchHighlights() {
    }

    /** A search's listing row: the summary and the sections it carries. */
    record Row(PostMortemSummary summary, List<SearchableField> sections) {
    }

    /** A row of {@link ListingStatement#sql()} for a search: the summary's columns, then summary, root cause, impact. */
    static Row row(ResultSet rs, StatementContext ctx) throws SQLException {
        PostMortemSummary summary = PostMortemRows.summary(rs, ctx);
        return new Row(summary, SearchableText.sections(summary.title(), rs.getString(16), rs.getString(17),
                rs.getString(18)));
    }

    static List<PostMortemSummary> of(Handle handle, String tenantId, List<Row> page, List<String> words) {
        Map<UUID, Highlight> passages = new HashMap<>();
        List<UUID> elsewhere = new ArrayList<>();
        for (Row row : page) {
            Highlighter.exact(words, row.sections()).ifPresentOrElse(
                    found -> passages.put(row.summary().id(), found), () -> elsewhere.add(row.summary().id()));
        }
        if (!elsewhere.isEmpty()) {
            passages.putAll(inTheRest(handle, tenantId, elsewhere, words));
        }
        return page.stream().map(row -> row.summary().withHighlight(passages.get(row.summary().id()))).toList();
    }

    /** The passages of hits whose words are beyond their sections: in their documents, else their comments. */
    private static Map<UUID, Highlight> inTheRest(Handle handle, String tenantId, List<UUID> ids, List<String> words) {
        Map<UUID, Highlight> passages = new HashMap<>();
        Map<UUID, PostMortem> documents = PostMortemRows.loadAll(handle, tenantId, ids).stream()
                .collect(Collectors.toMap(PostMortem::id, document -> document));
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
        return passages;
    }
}

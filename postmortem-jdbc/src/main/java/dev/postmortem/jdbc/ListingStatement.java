package dev.postmortem.jdbc;

import dev.postmortem.core.postmortem.ListSort;
import dev.postmortem.core.postmortem.PostMortemQuery;
import dev.postmortem.core.search.SearchWords;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The SQL of one listing page: a tenant's post-mortems newest first, keyset-paged on
 * {@code (created_at, id)}, filtered as the query says. Written so that both databases read
 * only the page's rows from an index, however deep the page and however many post-mortems
 * there are (benchmarks/scale.sh; before, H2 read and sorted the tenant's whole table for
 * every page, 0.4 s a page at 100,000):
 * <ul>
 * <li>{@code ORDER BY} names {@code tenant_id} (and {@code incident_id}, or {@code status} when
 *     exactly one is asked for) although the WHERE fixes them: H2 only reads an index in order when the ORDER BY
 *     starts with the index's leading columns. PostgreSQL needs no such help and takes no harm.
 * <li>The cursor is {@code created_at <= :at AND (created_at < :at OR id < :id)}; the first
 *     conjunct is an index bound, so a deep page starts at its position instead of scanning
 *     down from the newest row.
 * </ul>
 * {@code H2ListingPlanTest} checks the plans on H2; benchmarks/scale.sh measures both databases.
 */
final class ListingStatement {

    private final PostMortemQuery query;
    private final SqlDialect dialect;
    private final List<String> words;
    private final String searchLanguage;

    ListingStatement(PostMortemQuery query, SqlDialect dialect, String searchLanguage) {
        this.query = query;
        this.dialect = dialect;
        this.words = SearchWords.of(query.text());
        this.searchLanguage = searchLanguage;
    }

    /**
     * The SQL; it asks for one row more than the page, to tell whether more follow. {@link
     * PostMortemRows#summary} reads its columns by position, in this order; a search's rows also
     * carry summary, root cause and impact ({@link SearchHighlights#row}), where most hits'
     * passages are.
     */
    String sql() {
        StringBuilder sql = new StringBuilder("""
                SELECT p.id, p.incident_id, p.title, p.status, p.template_id, p.created_at, p.created_by,
                       p.updated_at, p.published_at, p.version,
                       (SELECT COUNT(*) FROM pm_action_item a WHERE a.post_mortem_id = p.id),
                       (SELECT COUNT(*) FROM pm_action_item a WHERE a.post_mortem_id = p.id AND a.status = 'DONE'),
                       (SELECT COUNT(*) FROM pm_action_item a WHERE a.post_mortem_id = p.id AND a.status <> 'DONE'
                           AND a.due_date < :today),
                       p.tags, p.category%s
                  FROM pm_post_mortem p
                 WHERE p.tenant_id = :tenantId""".formatted(words.isEmpty() ? "" : ", p.summary, p.root_cause, p.impact"));
        if (!query.viewer().admin()) {
            sql.append("\n   AND ").append(dialect.visibleTo("viewer"));
        }
        if (!query.statuses().isEmpty()) {
            sql.append("\n   AND p.status IN (<statuses>)");
        }
        if (query.incidentId() != null) {
            sql.append("\n   AND p.incident_id = :incidentId");
        }
        if (!words.isEmpty()) {
            sql.append("\n   AND ").append(dialect.searchMatch(words, searchLanguage));
        }
        ClassificationFilters.append(sql, query.filters(), dialect);
        if (query.after() != null) {
            sql.append("\n   AND p.created_at <= :afterCreatedAt"
                    + " AND (p.created_at < :afterCreatedAt OR p.id < :afterId)");
        }
        if (query.sort() == ListSort.RELEVANCE) {
            sql.append("\n ORDER BY ").append(dialect.relevance(words, searchLanguage)).append(" DESC, p.created_at DESC, p.id DESC")
                    .append("\n LIMIT ").append(query.limit() + 1).append(" OFFSET ").append(query.skip());
            return sql.toString();
        }
        if (query.incidentId() != null) {
            sql.append("\n ORDER BY p.tenant_id, p.incident_id, p.created_at DESC, p.id DESC");
        } else if (query.statuses().size() == 1) {
            sql.append("\n ORDER BY p.tenant_id, p.status, p.created_at DESC, p.id DESC");
        } else {
            sql.append("\n ORDER BY p.tenant_id, p.created_at DESC, p.id DESC");
        }
        // The limit is written into the SQL, not bound: PostgreSQL costs a generic plan for
        // "LIMIT $n" as if it fetched a tenth of the table, so it never reuses one and plans the
        // statement again on every execution (pg_prepared_statements: 0 generic plans), which
        // doubled its CPU per list request. An int cannot inject anything, and with the service's
        // page sizes (1..100) there are at most 100 such texts to cache.
        return sql.append("\n LIMIT ").append(query.limit() + 1).toString();
    }

    /** The statement with every parameter bound. */
    Query bind(Handle handle, String sql) {
        Query statement = handle.createQuery(sql)
                .bind("tenantId", query.viewer().tenantId())
                .bind("today", query.today());
        if (!query.viewer().admin()) {
            statement.bind("viewer", query.viewer().id().toLowerCase(Locale.ROOT));
        }
        if (!query.statuses().isEmpty()) {
            statement.bindList("statuses", query.statuses().stream().map(PostMortemStatus::name).sorted().toList());
        }
        if (query.incidentId() != null) {
            statement.bind("incidentId", query.incidentId());
        }
        if (!words.isEmpty()) {
            dialect.bindSearch(statement, words);
        }
        ClassificationFilters.bind(statement, query.filters());
        if (query.after() != null) {
            statement.bind("afterCreatedAt", SqlValues.instant(query.after().createdAt()))
                    .bind("afterId", query.after().id());
        }
        return statement;
    }
}

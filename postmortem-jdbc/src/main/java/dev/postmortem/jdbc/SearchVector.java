package dev.postmortem.jdbc;

/**
 * PostgreSQL's {@code search_words} of a post-mortem: its texts weighted A (title), B (summary
 * and root cause), C (impact and {@code search_details}) and D (its review comments), in the
 * language bound as {@code :searchLanguage}. V8 writes the same expression in 'simple'. Each part
 * is cut well below PostgreSQL's 1 MB limit of a tsvector, so the largest document still stores;
 * words past the cut are not found.
 */
final class SearchVector {

    static final String LANGUAGE = "CAST(:searchLanguage AS regconfig)";

    /** Over the row {@code p}'s own columns: to re-index it, or after one of its comments changed. */
    static final String OF_ROW = of("p.title", "p.summary", "p.root_cause", "p.impact", "p.search_details", "p.id");

    /** Over the bound values of a write ({@code :title}, ...), for the row with id {@code :id}. */
    static final String OF_WRITE = of(":title", ":summary", ":rootCause", ":impact", ":searchDetails", ":id");

    private SearchVector() {
    }

    private static String of(String title, String summary, String rootCause, String impact, String details,
                             String id) {
        return "setweight(to_tsvector(" + LANGUAGE + ", coalesce(" + title + ", '')), 'A')"
                + " || setweight(to_tsvector(" + LANGUAGE + ", left(coalesce(" + summary + ", '') || ' ' || coalesce("
                + rootCause + ", ''), 50000)), 'B')"
                + " || setweight(to_tsvector(" + LANGUAGE + ", left(coalesce(" + impact + ", '') || ' ' || "
                + details + ", 150000)), 'C')"
                + " || setweight(to_tsvector(" + LANGUAGE + ", left(coalesce((SELECT string_agg(c.body, ' '"
                + " ORDER BY c.created_at, c.id) FROM pm_comment c WHERE c.post_mortem_id = " + id
                + "), ''), 50000)), 'D')";
    }
}

package dev.postmortem.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The few places where H2 and PostgreSQL need different SQL, chosen from the database the
 * DataSource connects to (as db-scheduler's {@code AutodetectJdbcCustomization} does).
 */
enum SqlDialect {

    H2("h2") {
        @Override
        String searchMatch(List<String> words, String language) {
            // every word somewhere: one LIKE per text, so a word never matches across two texts
            StringBuilder match = new StringBuilder();
            for (int i = 0; i < words.size(); i++) {
                match.append(i == 0 ? "" : " AND ").append("(").append(like("LOWER(p.title)", i)).append(" OR ")
                        .append(inSummaryOrRootCause(i)).append(" OR ").append(inTheRest(i)).append(" OR ")
                        .append(inComments(i)).append(")");
            }
            return match.toString();
        }

        @Override
        String relevance(List<String> words, String language) {
            // SearchWeight's points: 8 title, 4 summary or root cause, 2 the rest, 1 comments, per word
            StringBuilder score = new StringBuilder();
            for (int i = 0; i < words.size(); i++) {
                score.append(i == 0 ? "" : " + ")
                        .append("CASE WHEN ").append(like("LOWER(p.title)", i)).append(" THEN 8 ELSE 0 END")
                        .append(" + CASE WHEN ").append(inSummaryOrRootCause(i)).append(" THEN 4 ELSE 0 END")
                        .append(" + CASE WHEN ").append(inTheRest(i)).append(" THEN 2 ELSE 0 END")
                        .append(" + CASE WHEN ").append(inComments(i)).append(" THEN 1 ELSE 0 END");
            }
            return score.toString();
        }

        @Override
        void bindSearch(Query statement, List<String> words) {
            for (int i = 0; i < words.size(); i++) {
                statement.bind("word" + i, likePattern(words.get(i)));
            }
        }

        // The escape character is '!' because Jdbi's SQL lexer reads a backslash inside quotes as an escape.
        private static String like(String text, int word) {
            return text + " LIKE :word" + word + " ESCAPE '!'";
        }

        private static String inSummaryOrRootCause(int word) {
            return "(" + like("LOWER(p.summary)", word) + " OR " + like("LOWER(p.root_cause)", word) + ")";
        }

        private static String inTheRest(int word) {
            return "(" + like("LOWER(p.impact)", word) + " OR " + like("p.search_details", word) + ")";
        }

        private static String inComments(int word) {
            return "EXISTS (SELECT 1 FROM pm_comment c WHERE c.post_mortem_id = p.id AND "
                    + like("LOWER(c.body)", word) + ")";
        }

        @Override
        boolean serializesWrites() {
            return true;
        }

        @Override
        String json(String parameter) {
            return ":" + parameter + " FORMAT JSON"; // bound text is a JSON string unless told otherwise
        }

        @Override
        String isContributor(String viewerParameter) {
            return "ARRAY_CONTAINS(p.contributors, :" + viewerParameter + ")";
        }

        @Override
        String arrayHas(String column, String parameter) {
            return "ARRAY_CONTAINS(" + column + ", :" + parameter + ")";
        }

        @Override
        String itemsAfter() {
            // H2 reads no row comparison as an index range: the leading ">=" starts it, the rest
            // picks up within the cursor's day
            return "a.due_key >= :afterDue AND (a.due_key > :afterDue OR (a.due_key = :afterDue"
                    + " AND (a.priority_rank > :afterRank OR (a.priority_rank = :afterRank AND a.id > :afterId))))";
        }
    },
    POSTGRESQL("postgresql") {
        @Override
        String searchMatch(List<String> words, String language) {
            return "p.search_words @@ " + tsquery(words, language);
        }

        @Override
        String relevance(List<String> words, String language) {
            return "ts_rank(p.search_words, " + tsquery(words, language) + ")";
        }

        @Override
        void bindSearch(Query statement, List<String> words) {
            // the words are in the SQL itself: see tsquery
        }

        /**
         * The words as a constant the planner sees: bound, a prepared statement's generic plan
         * (after five executions) kept the plan of the words it was first run with, so a common
         * word after a rare one read every match through the GIN index and sorted them, 15 ms a
         * request instead of 0.9 at 10,000 post-mortems (benchmarks/scale.sh postgres). Hex-encoded UTF-8, so no text of the caller's
         * reaches the SQL but hex digits.
         */
        private static String tsquery(List<String> words, String language) {
            return "plainto_tsquery(CAST('" + language + "' AS regconfig), convert_from(decode('"
                    + HexFormat.of().formatHex(String.join(" ", words).getBytes(StandardCharsets.UTF_8))
                    + "', 'hex'), 'UTF8'))";
        }

        @Override
        String json(String parameter) {
            return "CAST(:" + parameter + " AS JSONB)";
        }

        @Override
        String bytewise(String text) {
            // the database's collation (en_US.UTF-8 here) compared the insights' keys a third of their time
            return text + " COLLATE \"C\"";
        }

        @Override
        String columnCollation(String text) {
            return text + " COLLATE \"default\"";
        }

        @Override
        void prepareAggregates(Handle handle) {
            // JIT compiling the insights' statements took 685 ms of the recurrences' 1,388 ms over a
            // year of 1,000,000 post-mortems (EXPLAIN ANALYZE; benchmarks/scale.sh postgres)
            handle.execute("SET LOCAL jit = off");
            // from the sixth execution of a prepared statement PostgreSQL may plan it for any
            // range, and that generic plan took the recurrences of 10,000 from 27 to 280-440 ms
            // (PREPARE and EXECUTE in psql); planning for the bound values costs about a millisecond
            handle.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        }

        @Override
        boolean hasGroupingSets() {
            return true;
        }

        @Override
        boolean hasHashJoins() {
            return true;
        }

        @Override
        boolean keepsLabelDays() {
            return true;
        }

        @Override
        String isContributor(String viewerParameter) {
            return ":" + viewerParameter + " = ANY(p.contributors)";
        }

        @Override
        String arrayHas(String column, String parameter) {
            // containment, which the column's GIN index answers (= ANY does not use it)
            return column + " @> ARRAY[CAST(:" + parameter + " AS VARCHAR)]";
        }

        @Override
        String itemsAfter() {
            // a row comparison is an index condition: the scan starts at the cursor, not at the
            // start of its day (10,000 items a day at 1,000,000 post-mortems doubled a deep page's p50)
            return "(a.due_key, a.priority_rank, a.id) > (:afterDue, :afterRank, :afterId)";
        }
    };

    private final String migrationFolder;

    SqlDialect(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    /** Where this database's migrations live on the classpath. */
    String migrationLocation() {
        return "classpath:dev/postmortem/jdbc/migration/" + migrationFolder;
    }

    /** Whether write transactions must run one at a time (see JdbcPostMortemRepository#write). */
    boolean serializesWrites() {
        return false;
    }

    /** Whether {@code failure} is a unique or primary key violation (SQLSTATE 23505 on both databases). */
    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the database refused a write because another transaction changed the same row
     * at the same time (H2: 90131 "concurrent update"; PostgreSQL: 40001 serialization
     * failure): for us that is a version conflict, not an error.
     */
    boolean isConcurrentUpdate(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && ("90131".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code failure} means the database cannot serve requests now, rather than a bug in
     * a statement: the connection is gone or cannot be had (SQLSTATE class 08, a pool timeout),
     * the database is out of resources (class 53: disk full, too many connections) or shutting
     * down (57P), or it is read-only (25006; H2 90097), or closed after a write failed (H2
     * 90098 "database has been closed", 90028 I/O error, 90100 disk full, and H2's own store
     * failing to write, reported as a general error).
     */
    static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                        || UNAVAILABLE_STATES.contains(state)) {
                    return true;
                }
            }
            if (cause.getClass().getName().equals("org.h2.mvstore.MVStoreException")) {
                return true; // the embedded store could not read or write its file
            }
        }
        return false;
    }

    private static final Set<String> UNAVAILABLE_STATES = Set.of("25006", "90097", "90098", "90028", "90100");

    /**
     * A predicate that is true when the post-mortem {@code p} holds every one of {@code words}
     * in its texts or its comments ({@link dev.postmortem.core.search.SearchableText}), in the
     * text search configuration {@code language} where the database has one.
     */
    abstract String searchMatch(List<String> words, String language);

    /** How well {@code p} matches the words, higher first, for {@code sort=relevance}. */
    abstract String relevance(List<String> words, String language);

    /** Binds the parameters {@link #searchMatch} and {@link #relevance} name, if any. */
    abstract void bindSearch(Query statement, List<String> words);

    /** The SQL for a bound JSON text, stored as the database's JSON type. */
    abstract String json(String parameter);

    /**
     * A predicate that is true when the post-mortem {@code p} is one the bound lower-cased e-mail
     * may see: not a draft, or a draft they created or contribute to (admins see all: no predicate).
     */
    String visibleTo(String viewerParameter) {
        return "(p.status <> 'DRAFT' OR LOWER(p.created_by) = :" + viewerParameter + " OR "
                + isContributor(viewerParameter) + ")";
    }

    /** {@code text} compared byte by byte where the database would otherwise compare by a language's collation. */
    String bytewise(String text) {
        return text;
    }

    /**
     * {@code text} (a key made {@link #bytewise}) compared in the columns' own collation again, so
     * that an index on the column it is compared with answers the comparison.
     */
    String columnCollation(String text) {
        return text;
    }

    /** Settles how the aggregate statements of the transaction on {@code handle} run, if need be. */
    void prepareAggregates(Handle handle) {
    }

    /** Whether {@code GROUP BY GROUPING SETS} computes groups and their total in one statement. */
    boolean hasGroupingSets() {
        return false;
    }

    /** Whether a join of two derived tables can be a hash join (H2 joins by nested loops only). */
    boolean hasHashJoins() {
        return false;
    }

    /**
     * Whether the database keeps {@code pm_label_day} (V11) and reads the recurrences from it:
     * PostgreSQL. H2 joins by nested loops only and re-read the counts for every label row it
     * listed, so it counts the label rows themselves.
     */
    boolean keepsLabelDays() {
        return false;
    }

    /** A predicate that is true when the bound e-mail is one of the post-mortem {@code p}'s contributors. */
    abstract String isContributor(String viewerParameter);

    /** A predicate that is true when the array {@code column} holds the bound value. */
    abstract String arrayHas(String column, String parameter);

    /**
     * Action items after the cursor {@code :afterDue, :afterRank, :afterId} in the order of the
     * items' indexes ({@code due_key, priority_rank, id}), as this database reads it from them.
     */
    abstract String itemsAfter();

    /** {@code word} as a case-insensitive substring pattern for {@code LIKE ... ESCAPE '!'}, its wildcards escaped. */
    static String likePattern(String word) {
        String escaped = word.toLowerCase(Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }

    static SqlDialect of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return of(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to detect the database: " + e.getMessage(), e);
        }
    }

    static SqlDialect of(Connection connection) {
        try {
            return of(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read which database this is: " + e.getMessage(), e);
        }
    }

    static SqlDialect of(String databaseProductName) {
        String product = databaseProductName.toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("postgresql")) {
            return POSTGRESQL;
        }
        throw new IllegalStateException("postmortem-jdbc supports H2 and PostgreSQL, not " + databaseProductName);
    }
}

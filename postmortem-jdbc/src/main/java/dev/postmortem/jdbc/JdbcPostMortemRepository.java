package dev.postmortem.jdbc;

import dev.postmortem.core.followup.ActionItemPage;
import dev.postmortem.core.followup.ActionItemPosition;
import dev.postmortem.core.followup.ActionItemQuery;
import dev.postmortem.core.followup.ActionItemRepository;
import dev.postmortem.core.followup.FollowUpItem;
import dev.postmortem.core.history.HistoryEntry;
import dev.postmortem.core.history.HistoryRepository;
import dev.postmortem.core.insight.InsightQuery;
import dev.postmortem.core.insight.InsightRepository;
import dev.postmortem.core.insight.Insights;
import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.Comment;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemContent;
import dev.postmortem.core.port.StorageUnavailableException;
import dev.postmortem.core.postmortem.ListPosition;
import dev.postmortem.core.postmortem.ListSort;
import dev.postmortem.core.postmortem.PostMortemPage;
import dev.postmortem.core.postmortem.PostMortemQuery;
import dev.postmortem.core.postmortem.PostMortemRepository;
import dev.postmortem.core.postmortem.PostMortemSummary;
import dev.postmortem.core.postmortem.VersionConflictException;
import dev.postmortem.core.review.CommentPosition;
import dev.postmortem.core.review.CommentRepository;
import dev.postmortem.core.search.SearchWords;
import dev.postmortem.core.search.SearchableText;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The repository port on H2 or PostgreSQL, with Jdbi and plain SQL. A post-mortem is one row
 * of {@code pm_post_mortem}, its lists as JSON in that row ({@link ContentJson}), plus one row
 * per action item in {@code pm_action_item} for the questions asked across post-mortems; every
 * call is one transaction, so a document is stored whole or not at all. Updates and deletes lock the document's row first
 * ({@code SELECT ... FOR UPDATE}), so writers on nodes sharing a database wait for each other
 * instead of overwriting each other.
 *
 * <pre>{@code
 * PostMortemRepository repository = JdbcPostMortemRepository.builder(dataSource).build();
 * }</pre>
 */
public final class JdbcPostMortemRepository implements PostMortemRepository, ActionItemRepository,
        CommentRepository, HistoryRepository, InsightRepository {

    private final Jdbi jdbi;
    private final SqlDialect dialect;
    private final Lock writeLock = new ReentrantLock();
    private final String searchLanguage;
    private final boolean keepsSearchWords;
    private final String insertSql;
    private final String updateSql;

    private JdbcPostMortemRepository(Jdbi jdbi, SqlDialect dialect, String searchLanguage) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.searchLanguage = searchLanguage;
        // PostgreSQL searches a tsvector written with each write; H2 reads the texts with LIKE
        this.keepsSearchWords = dialect == SqlDialect.POSTGRESQL;
        this.insertSql = """
                INSERT INTO pm_post_mortem (id, tenant_id, incident_id, title, summary, impact, root_cause, status,
                    template_id, created_at, created_by, updated_at, published_at, version, content, contributors,
                    incident_date, time_zone, tags, category, services, search_details, %s%s)
                VALUES (:id, :tenantId, :incidentId, :title, :summary, :impact, :rootCause, :status,
                    :templateId, :createdAt, :createdBy, :updatedAt, :publishedAt, :version, %s, :contributors,
                    :incidentDate, :timeZone, :tags, :category, :services, :searchDetails, %s%s)"""
                .formatted(InsightColumns.names(), keepsSearchWords ? ", search_words" : "", dialect.json("content"),
                        InsightColumns.parameters(), keepsSearchWords ? ", " + SearchVector.OF_WRITE : "");
        this.updateSql = """
                UPDATE pm_post_mortem
                   SET incident_id = :incidentId, title = :title, summary = :summary, impact = :impact,
                       root_cause = :rootCause, status = :status, updated_at = :updatedAt,
                       published_at = :publishedAt, version = :newVersion, content = %s,
                       contributors = :contributors, incident_date = :incidentDate, time_zone = :timeZone,
                       tags = :tags, category = :category, services = :services,
                       search_details = :searchDetails, %s%s
                 WHERE id = :id AND tenant_id = :tenantId AND version = :expectedVersion"""
                .formatted(dialect.json("content"), InsightColumns.assignments(),
                        keepsSearchWords ? ", search_words = " + SearchVector.OF_WRITE : "");
    }

    /** A repository on the host's DataSource. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"), null);
    }

    /** A repository on a Jdbi the host has configured already (its plugins are not needed). */
    public static Builder builder(Jdbi jdbi) {
        return new Builder(null, Objects.requireNonNull(jdbi, "jdbi"));
    }

    // ------------------------------------------------------------------ writes

    @Override
    public void insert(PostMortem postMortem) {
        // Not in write(): a new id conflicts with no other writer, and unserialised inserts let
        // H2 store several commits in one chunk write (creates on H2, benchmarks/load.sh h2).
        available(() -> jdbi.useTransaction(handle -> {
            InsightColumns.bind(handle.createUpdate(insertSql), postMortem)
                    .bind("id", postMortem.id())
                    .bind("tenantId", postMortem.tenantId())
                    .bind("templateId", postMortem.templateId())
                    .bind("createdAt", SqlValues.instant(postMortem.createdAt()))
                    .bind("createdBy", postMortem.createdBy())
                    .bind("version", postMortem.version())
                    .bindMap(changingColumns(postMortem))
                    .bindArray("contributors", String.class, postMortem.content().contributors())
                    .bindArray("tags", String.class, postMortem.content().tags())
                    .bindArray("services", String.class, services(postMortem))
                    .bind("updatedAt", SqlValues.instant(postMortem.updatedAt()))
                    .bind("publishedAt", SqlValues.instant(postMortem.publishedAt()))
                    .execute();
            insertActionItems(handle, postMortem, Map.of());
            InsightColumns.writeLabels(handle, postMortem, false);
            LabelDays.change(handle, dialect, postMortem.tenantId(), List.of(), LabelDays.of(postMortem));
        }));
    }

    @Override
    public Optional<PostMortem> update(String tenantId, UUID id, String changedBy, UnaryOperator<PostMortem> change) {
        try {
            return available(() -> write(() -> jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, handle -> {
                Optional<PostMortem> locked = PostMortemRows.lockAndLoad(handle, tenantId, id);
                if (locked.isEmpty()) {
                    return locked;
                }
                PostMortem current = locked.get();
                PostMortem changed = change.apply(current);
                if (changed == current) {
                    return locked;
                }
                long newVersion = current.version() + 1;
                List<LabelDays.Cell> cellsBefore = LabelDays.moved(current, changed)
                        ? LabelDays.stored(handle, dialect, id) : null;
                int updated = InsightColumns.bind(handle.createUpdate(updateSql), changed)
                        .bindMap(changingColumns(changed))
                        .bindArray("contributors", String.class, changed.content().contributors())
                        .bindArray("tags", String.class, changed.content().tags())
                        .bindArray("services", String.class, services(changed))
                        .bind("updatedAt", SqlValues.instant(changed.updatedAt()))
                        .bind("publishedAt", SqlValues.instant(changed.publishedAt()))
                        .bind("newVersion", newVersion)
                        .bind("id", id)
                        .bind("tenantId", tenantId)
                        .bind("expectedVersion", current.version())
                        .execute();
                if (updated != 1) {
                    // the row is locked by this transaction: only a bug in locking gets here
                    throw new VersionConflictException(id, current.version());
                }
                if (!changed.content().actionItems().equals(current.content().actionItems())) {
                    // most changes (a section, a status) leave the items as they were: no row to rewrite
                    Map<UUID, ItemTimes> before = ItemTimes.of(handle, id);
                    handle.createUpdate("DELETE FROM pm_action_item WHERE post_mortem_id = :id").bind("id", id)
                            .execute();
                    insertActionItems(handle, changed, before);
                }
                if (InsightColumns.labelsChanged(current, changed)) {
                    InsightColumns.writeLabels(handle, changed, true);
                }
                if (!InsightColumns.day(changed).equals(InsightColumns.day(current))) {
                    InsightColumns.moveRowsToDay(handle, changed);
                }
                if (cellsBefore != null) {
                    LabelDays.change(handle, dialect, tenantId, cellsBefore, LabelDays.stored(handle, dialect, id));
                }
                PostMortem stored = changed.withVersion(newVersion);
                HistoryRows.keep(handle, dialect, tenantId, id, HistoryEntry.of(current, stored, changedBy));
                return Optional.of(stored);
            })));
        } catch (JdbiException e) {
            if (dialect.isConcurrentUpdate(e)) {
                throw new VersionConflictException(id);
            }
            throw e;
        }
    }

    @Override
    public boolean delete(String tenantId, UUID id, Consumer<PostMortem> check) {
        // The action item and label rows go with it: they reference pm_post_mortem ON DELETE CASCADE.
        return available(() -> write(() -> jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, handle -> {
            Optional<PostMortem> locked = PostMortemRows.lockAndLoad(handle, tenantId, id);
            if (locked.isEmpty()) {
                return false;
            }
            check.accept(locked.get());
            List<LabelDays.Cell> cells = LabelDays.stored(handle, dialect, id);
            handle.createUpdate("DELETE FROM pm_post_mortem WHERE id = :id AND tenant_id = :tenantId")
                    .bind("id", id).bind("tenantId", tenantId).execute();
            LabelDays.change(handle, dialect, tenantId, cells, List.of());
            return true;
        })));
    }

    /**
     * Runs one write transaction; on H2 one at a time. H2 (2.x, MVStore) let two concurrent
     * {@code UPDATE ... WHERE version = ?} both succeed on the same version, also with a
     * preceding {@code SELECT ... FOR UPDATE} (reproduced over HTTP with eight editors), so
     * its updates and deletes are serialised here. An embedded H2 file is open in one JVM only,
     * so this lock covers every writer.
     */
    private <T> T write(Supplier<T> transaction) {
        if (!dialect.serializesWrites()) {
            return transaction.get();
        }
        writeLock.lock();
        try {
            return transaction.get();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Runs one call, reporting a database that cannot serve it now (disk full, read-only, gone)
     * as {@link StorageUnavailableException}: a reason to try again later, not a bug.
     */
    private static <T> T available(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (SqlDialect.isUnavailable(e)) {
                throw new StorageUnavailableException("The database cannot serve this request now: "
                        + rootMessage(e), e);
            }
            throw e;
        }
    }

    private static void available(Runnable call) {
        available(() -> {
            call.run();
            return null;
        });
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private Map<String, Object> changingColumns(PostMortem postMortem) {
        PostMortemContent content = postMortem.content();
        Map<String, Object> columns = new HashMap<>();
        columns.put("incidentId", content.incidentId());
        columns.put("title", content.title());
        columns.put("summary", content.summary());
        columns.put("impact", content.impact());
        columns.put("rootCause", content.rootCause());
        columns.put("incidentDate", content.incidentDate());
        columns.put("timeZone", content.timeZone().getId());
        columns.put("status", postMortem.status().name());
        columns.put("content", ContentJson.write(postMortem));
        columns.put("category", content.category());
        columns.put("searchDetails", SearchableText.details(postMortem));
        if (keepsSearchWords) {
            columns.put("searchLanguage", searchLanguage);
        }
        return columns;
    }

    /** The services the impact names, lower-cased, as the listing's service filter compares them. */
    private static List<String> services(PostMortem postMortem) {
        return postMortem.content().impactDetails().servicesAffected().stream()
                .map(service -> service.toLowerCase(java.util.Locale.ROOT)).distinct().toList();
    }

    /**
     * Writes the item rows; an item keeps the creation and completion its row had {@code before}
     * (a new item was created by this write, an item that became DONE was done by it).
     */
    private static void insertActionItems(Handle handle, PostMortem postMortem, Map<UUID, ItemTimes> before) {
        List<ActionItem> items = postMortem.content().actionItems();
        if (items.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO pm_action_item (id, post_mortem_id, tenant_id, sort_order, description, owner,
                    status, priority, due_date, tracker_key, tracker_url, priority_rank, created_at, done_at,
                    time_to_done_s, incident_day)
                VALUES (:id, :postMortemId, :tenantId, :sortOrder, :description, :owner,
                    :status, :priority, :dueDate, :trackerKey, :trackerUrl, :priorityRank, :createdAt, :doneAt,
                    :timeToDoneS, :incidentDay)""");
        LocalDate day = InsightColumns.day(postMortem);
        for (int i = 0; i < items.size(); i++) {
            ActionItem item = items.get(i);
            batch.bind("id", item.id()).bind("postMortemId", postMortem.id())
                    .bind("tenantId", postMortem.tenantId()).bind("sortOrder", i)
                    .bind("description", item.description()).bind("owner", item.owner())
                    .bind("status", item.status().name()).bind("priority", item.priority().name())
                    .bindByType("dueDate", item.dueDate(), LocalDate.class)
                    .bindByType("trackerKey", item.trackerKey(), String.class)
                    .bindByType("trackerUrl", item.trackerUrl(), String.class)
                    .bind("priorityRank", item.priority().ordinal());
            ItemTimes times = ItemTimes.after(before.get(item.id()), item, postMortem.updatedAt());
            batch.bind("createdAt", SqlValues.instant(times.createdAt())).bind("doneAt", SqlValues.instant(times.doneAt()))
                    .bindByType("timeToDoneS", times.timeToDoneSeconds(), Long.class).bind("incidentDay", day).add();
        }
        batch.execute();
    }

    // ------------------------------------------------------------------ reads

    @Override
    public Optional<PostMortem> find(String tenantId, UUID id) {
        // One row, one statement: one snapshot, so a concurrent update can never produce a mix.
        return available(() -> jdbi.withHandle(handle -> PostMortemRows.load(handle, tenantId, id)));
    }

    @Override
    public PostMortemPage list(PostMortemQuery query) {
        ListingStatement listing = new ListingStatement(query, dialect, searchLanguage);
        List<String> words = SearchWords.of(query.text());
        return available(() -> jdbi.withHandle(handle -> {
            List<PostMortemSummary> page;
            boolean more;
            if (words.isEmpty()) {
                List<PostMortemSummary> rows = listing.bind(handle, listing.sql()).map(PostMortemRows::summary).list();
                more = rows.size() > query.limit();
                page = more ? rows.subList(0, query.limit()) : rows;
            } else {
                List<SearchHighlights.Row> rows = listing.bind(handle, listing.sql()).map(SearchHighlights::row).list();
                more = rows.size() > query.limit();
                page = SearchHighlights.of(handle, query.viewer().tenantId(),
                        more ? rows.subList(0, query.limit()) : rows, words);
            }
            ListPosition next = more && query.sort() == ListSort.NEWEST ? page.get(page.size() - 1).position() : null;
            return new PostMortemPage(page, next, more);
        }));
    }

    @Override
    public long countOverdueActionItems(LocalDate today) {
        // pm_action_item is kept with each document for questions asked across post-mortems
        return available(() -> jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM pm_action_item WHERE status <> 'DONE' AND due_date < :today")
                .bind("today", today).mapTo(Long.class).one()));
    }

    // ------------------------------------------------------------------ action items across post-mortems

    @Override
    public ActionItemPage list(ActionItemQuery query) {
        ActionItemStatement statement = new ActionItemStatement(query, dialect);
        List<FollowUpItem> rows = available(() -> jdbi.withHandle(handle -> statement.bind(handle)
                .map(ActionItemStatement::item).list()));
        boolean more = rows.size() > query.limit();
        List<FollowUpItem> page = more ? rows.subList(0, query.limit()) : rows;
        return new ActionItemPage(page, more ? ActionItemPosition.of(page.get(page.size() - 1).item()) : null);
    }

    @Override
    public List<FollowUpItem> openItemsDueBefore(LocalDate end) {
        return available(() -> jdbi.withHandle(handle -> handle.createQuery(ActionItemStatement.SELECT
                        + " WHERE a.status <> 'DONE' AND a.due_date < :end AND p.status <> 'DRAFT'")
                .bind("end", end).map(ActionItemStatement::item).list()));
    }

    @Override
    public boolean recordReminder(UUID itemId, LocalDate day) {
        try {
            available(() -> jdbi.useHandle(handle -> handle.createUpdate(
                            "INSERT INTO pm_action_item_reminder (item_id, reminded_on) VALUES (:itemId, :day)")
                    .bind("itemId", itemId).bind("day", day).execute()));
            return true;
        } catch (JdbiException e) {
            // the primary key: this item was reminded of today already, here or on another node
            if (SqlDialect.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    // ------------------------------------------------------------------ review comments

    @Override
    public void insertComment(Comment comment) {
        available(() -> jdbi.useTransaction(handle -> {
            CommentRows.insert(handle, comment);
            indexComments(handle, comment.postMortemId());
        }));
    }

    @Override
    public Optional<Comment> findComment(String tenantId, UUID postMortemId, UUID commentId) {
        return available(() -> jdbi.withHandle(handle -> CommentRows.find(handle, tenantId, postMortemId, commentId)));
    }

    @Override
    public boolean updateComment(Comment comment) {
        return available(() -> write(() -> jdbi.inTransaction(handle -> {
            boolean updated = CommentRows.update(handle, comment);
            indexComments(handle, comment.postMortemId());
            return updated;
        })));
    }

    @Override
    public boolean deleteComment(String tenantId, UUID postMortemId, UUID commentId) {
        return available(() -> write(() -> jdbi.inTransaction(handle -> {
            boolean deleted = CommentRows.delete(handle, tenantId, postMortemId, commentId);
            indexComments(handle, postMortemId);
            return deleted;
        })));
    }

    /** Writes the post-mortem's search words again, in the transaction that changed one of its comments. */
    private void indexComments(Handle handle, UUID postMortemId) {
        if (keepsSearchWords) {
            handle.createUpdate("UPDATE pm_post_mortem p SET search_words = " + SearchVector.OF_ROW
                    + " WHERE p.id = :id").bind("id", postMortemId).bind("searchLanguage", searchLanguage).execute();
        }
    }

    @Override
    public boolean hasReplies(String tenantId, UUID postMortemId, UUID commentId) {
        return available(() -> jdbi.withHandle(handle -> CommentRows.hasReplies(handle, tenantId, postMortemId,
                commentId)));
    }

    @Override
    public List<Comment> comments(String tenantId, UUID postMortemId, CommentPosition after, int limit) {
        return available(() -> jdbi.withHandle(handle -> CommentRows.page(handle, tenantId, postMortemId, after,
                limit)));
    }

    @Override
    public long unresolvedThreads(String tenantId, UUID postMortemId) {
        return available(() -> jdbi.withHandle(handle -> CommentRows.unresolvedThreads(handle, tenantId,
                postMortemId)));
    }

    // ------------------------------------------------------------------ history

    @Override
    public List<HistoryEntry> history(String tenantId, UUID postMortemId, long afterVersion, int limit) {
        return available(() -> jdbi.withHandle(handle -> HistoryRows.page(handle, tenantId, postMortemId,
                afterVersion, limit)));
    }

    // ------------------------------------------------------------------ insights

    @Override
    public Insights insights(InsightQuery query) {
        return available(() -> jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ,
                handle -> new InsightStatement(query, dialect).run(handle)));
    }

    /** Builds the repository and, unless told not to, brings the schema up to date first. */
    public static final class Builder {
        private final DataSource dataSource;
        private final Jdbi jdbi;
        private boolean migrate = true;
        private String searchLanguage = "simple";

        private Builder(DataSource dataSource, Jdbi jdbi) {
            this.dataSource = dataSource;
            this.jdbi = jdbi;
        }

        /**
         * Whether to apply the shipped migrations on {@link #build()} (the default), and then
         * {@link PostMortemSchema#catchUp}. Turn it off when the host runs the migrations with its
         * own tooling; it then calls {@code PostMortemSchema.catchUp} after them.
         */
        public Builder migrateSchema(boolean value) {
            migrate = value;
            return this;
        }

        /**
         * PostgreSQL's text search configuration for the words of {@code q} (default {@code
         * simple}: lower-cased words, no stemming, the same for every language a team writes in;
         * {@code english} finds "deployed" for "deploying" and drops stop words). When it differs
         * from the one the rows were indexed in, {@link PostMortemSchema#catchUp} indexes every row
         * again, once, in one transaction. H2 ignores it: it finds any case-insensitive substring.
         */
        public Builder searchLanguage(String value) {
            Objects.requireNonNull(value, "searchLanguage");
            // a configuration's name, which the search SQL names as a constant
            if (!value.matches("[A-Za-z0-9_.]{1,63}")) {
                throw new IllegalArgumentException("Not a text search configuration's name: \"" + value + "\"");
            }
            searchLanguage = value;
            return this;
        }

        /** The repository, after migrating the schema unless {@link #migrateSchema(boolean)} said not to. */
        public JdbcPostMortemRepository build() {
            Jdbi target = jdbi != null ? jdbi : Jdbi.create(dataSource);
            SqlDialect dialect = target.withHandle(handle -> SqlDialect.of(handle.getConnection()));
            if (migrate) {
                if (dataSource == null) {
                    throw new IllegalStateException("Built from a Jdbi, the repository cannot run migrations;"
                            + " build it from the DataSource, or call migrateSchema(false) and run"
                            + " PostMortemSchema.migrate(dataSource) yourself.");
                }
                PostMortemSchema.migrate(dataSource);
                PostMortemSchema.catchUp(target, dialect, searchLanguage);
            }
            return new JdbcPostMortemRepository(target, dialect, searchLanguage);
        }
    }
}

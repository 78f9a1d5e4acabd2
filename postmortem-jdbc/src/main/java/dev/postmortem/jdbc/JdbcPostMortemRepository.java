package dev.postmortem.jdbc;

import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemContent;
import dev.postmortem.core.model.StatusChange;
import dev.postmortem.core.model.TimelineEvent;
import dev.postmortem.core.port.StorageUnavailableException;
import dev.postmortem.core.postmortem.PostMortemPage;
import dev.postmortem.core.postmortem.PostMortemQuery;
import dev.postmortem.core.postmortem.PostMortemRepository;
import dev.postmortem.core.postmortem.PostMortemSummary;
import dev.postmortem.core.postmortem.VersionConflictException;
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
 * in {@code pm_post_mortem} plus rows in {@code pm_timeline_event}, {@code pm_action_item},
 * {@code pm_contributor} and {@code pm_status_change}; every call is one transaction, so a
 * document is stored whole or not at all. Updates and deletes lock the document's row first
 * ({@code SELECT ... FOR UPDATE}), so writers on nodes sharing a database wait for each other
 * instead of overwriting each other.
 *
 * <pre>{@code
 * PostMortemRepository repository = JdbcPostMortemRepository.builder(dataSource).build();
 * }</pre>
 */
public final class JdbcPostMortemRepository implements PostMortemRepository {

    private final Jdbi jdbi;
    private final SqlDialect dialect;
    private final Lock writeLock = new ReentrantLock();

    private JdbcPostMortemRepository(Jdbi jdbi, SqlDialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
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
            handle.createUpdate("""
                    INSERT INTO pm_post_mortem (id, tenant_id, incident_id, title, summary, impact, root_cause,
                        status, template_id, created_at, created_by, updated_at, published_at, version)
                    VALUES (:id, :tenantId, :incidentId, :title, :summary, :impact, :rootCause,
                        :status, :templateId, :createdAt, :createdBy, :updatedAt, :publishedAt, :version)""")
                    .bind("id", postMortem.id())
                    .bind("tenantId", postMortem.tenantId())
                    .bind("templateId", postMortem.templateId())
                    .bind("createdAt", SqlValues.instant(postMortem.createdAt()))
                    .bind("createdBy", postMortem.createdBy())
                    .bind("version", postMortem.version())
                    .bindMap(changingColumns(postMortem))
                    .bind("updatedAt", SqlValues.instant(postMortem.updatedAt()))
                    .bind("publishedAt", SqlValues.instant(postMortem.publishedAt()))
                    .execute();
            insertChildren(handle, postMortem);
        }));
    }

    @Override
    public Optional<PostMortem> update(String tenantId, UUID id, UnaryOperator<PostMortem> change) {
        try {
            return available(() -> write(() -> jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, handle -> {
                Optional<PostMortem> locked = lockAndLoad(handle, tenantId, id);
                if (locked.isEmpty()) {
                    return locked;
                }
                PostMortem current = locked.get();
                PostMortem changed = change.apply(current);
                if (changed == current) {
                    return locked;
                }
                long newVersion = current.version() + 1;
                int updated = handle.createUpdate("""
                        UPDATE pm_post_mortem
                           SET incident_id = :incidentId, title = :title, summary = :summary, impact = :impact,
                               root_cause = :rootCause, status = :status, updated_at = :updatedAt,
                               published_at = :publishedAt, version = :newVersion
                         WHERE id = :id AND tenant_id = :tenantId AND version = :expectedVersion""")
                        .bindMap(changingColumns(changed))
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
                deleteChildren(handle, id);
                insertChildren(handle, changed);
                return Optional.of(changed.withVersion(newVersion));
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
        // Child rows go with it: every child table references pm_post_mortem ON DELETE CASCADE.
        return available(() -> write(() -> jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, handle -> {
            Optional<PostMortem> locked = lockAndLoad(handle, tenantId, id);
            if (locked.isEmpty()) {
                return false;
            }
            check.accept(locked.get());
            handle.createUpdate("DELETE FROM pm_post_mortem WHERE id = :id AND tenant_id = :tenantId")
                    .bind("id", id).bind("tenantId", tenantId).execute();
            return true;
        })));
    }

    /**
     * Locks the document's row for the rest of the transaction, then reads it: a writer on any
     * node that wants the same row waits here until this one commits, and then reads what it
     * committed (READ COMMITTED takes a new snapshot per statement).
     */
    private static Optional<PostMortem> lockAndLoad(Handle handle, String tenantId, UUID id) {
        boolean exists = handle.createQuery(
                        "SELECT version FROM pm_post_mortem WHERE id = :id AND tenant_id = :tenantId FOR UPDATE")
                .bind("id", id).bind("tenantId", tenantId).mapTo(Long.class).findOne().isPresent();
        return exists ? PostMortemRows.load(handle, tenantId, id) : Optional.empty();
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

    private static Map<String, Object> changingColumns(PostMortem postMortem) {
        PostMortemContent content = postMortem.content();
        Map<String, Object> columns = new HashMap<>();
        columns.put("incidentId", content.incidentId());
        columns.put("title", content.title());
        columns.put("summary", content.summary());
        columns.put("impact", content.impact());
        columns.put("rootCause", content.rootCause());
        columns.put("status", postMortem.status().name());
        return columns;
    }

    private static void deleteChildren(Handle handle, UUID id) {
        for (String table : List.of("pm_timeline_event", "pm_action_item", "pm_contributor", "pm_status_change")) {
            handle.createUpdate("DELETE FROM " + table + " WHERE post_mortem_id = :id").bind("id", id).execute();
        }
    }

    private static void insertChildren(Handle handle, PostMortem postMortem) {
        PostMortemContent content = postMortem.content();
        if (!content.timeline().isEmpty()) {
            PreparedBatch batch = handle.prepareBatch("""
                    INSERT INTO pm_timeline_event (id, post_mortem_id, sort_order, event_time, description)
                    VALUES (:id, :postMortemId, :sortOrder, :time, :description)""");
            for (int i = 0; i < content.timeline().size(); i++) {
                TimelineEvent event = content.timeline().get(i);
                batch.bind("id", event.id()).bind("postMortemId", postMortem.id()).bind("sortOrder", i)
                        .bind("time", event.time().text()).bind("description", event.description()).add();
            }
            batch.execute();
        }
        if (!content.actionItems().isEmpty()) {
            PreparedBatch batch = handle.prepareBatch("""
                    INSERT INTO pm_action_item (id, post_mortem_id, tenant_id, sort_order, description, owner,
                        status, priority, due_date)
                    VALUES (:id, :postMortemId, :tenantId, :sortOrder, :description, :owner,
                        :status, :priority, :dueDate)""");
            for (int i = 0; i < content.actionItems().size(); i++) {
                ActionItem item = content.actionItems().get(i);
                batch.bind("id", item.id()).bind("postMortemId", postMortem.id())
                        .bind("tenantId", postMortem.tenantId()).bind("sortOrder", i)
                        .bind("description", item.description()).bind("owner", item.owner())
                        .bind("status", item.status().name()).bind("priority", item.priority().name())
                        .bindByType("dueDate", item.dueDate(), LocalDate.class).add();
            }
            batch.execute();
        }
        if (!content.contributors().isEmpty()) {
            PreparedBatch batch = handle.prepareBatch("""
                    INSERT INTO pm_contributor (post_mortem_id, sort_order, email)
                    VALUES (:postMortemId, :sortOrder, :email)""");
            for (int i = 0; i < content.contributors().size(); i++) {
                batch.bind("postMortemId", postMortem.id()).bind("sortOrder", i)
                        .bind("email", content.contributors().get(i)).add();
            }
            batch.execute();
        }
        PreparedBatch history = handle.prepareBatch("""
                INSERT INTO pm_status_change (post_mortem_id, sort_order, from_status, to_status, changed_by,
                    changed_at)
                VALUES (:postMortemId, :sortOrder, :fromStatus, :toStatus, :changedBy, :changedAt)""");
        for (int i = 0; i < postMortem.statusHistory().size(); i++) {
            StatusChange change = postMortem.statusHistory().get(i);
            history.bind("postMortemId", postMortem.id()).bind("sortOrder", i)
                    .bind("fromStatus", change.from() == null ? null : change.from().name())
                    .bind("toStatus", change.to().name()).bind("changedBy", change.changedBy())
                    .bind("changedAt", SqlValues.instant(change.changedAt())).add();
        }
        if (!postMortem.statusHistory().isEmpty()) {
            history.execute();
        }
    }

    // ------------------------------------------------------------------ reads

    @Override
    public Optional<PostMortem> find(String tenantId, UUID id) {
        // One statement for the document and its children (see PostMortemRows.load): it reads
        // one snapshot, so a concurrent update can never produce a mix of two versions.
        return available(() -> jdbi.withHandle(handle -> PostMortemRows.load(handle, tenantId, id)));
    }

    @Override
    public PostMortemPage list(PostMortemQuery query) {
        ListingStatement listing = new ListingStatement(query, dialect);
        List<PostMortemSummary> rows = available(() -> jdbi.withHandle(handle -> listing.bind(handle,
                listing.sql()).map(PostMortemRows::summary).list()));
        boolean more = rows.size() > query.limit();
        List<PostMortemSummary> page = more ? rows.subList(0, query.limit()) : rows;
        return new PostMortemPage(page, more ? page.get(page.size() - 1).position() : null);
    }

    /** Builds the repository and, unless told not to, brings the schema up to date first. */
    public static final class Builder {
        private final DataSource dataSource;
        private final Jdbi jdbi;
        private boolean migrate = true;

        private Builder(DataSource dataSource, Jdbi jdbi) {
            this.dataSource = dataSource;
            this.jdbi = jdbi;
        }

        /**
         * Whether to apply the shipped migrations on {@link #build()} (the default). Turn it off
         * when the host runs the SQL files with its own migration tooling.
         */
        public Builder migrateSchema(boolean value) {
            migrate = value;
            return this;
        }

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
            }
            return new JdbcPostMortemRepository(target, dialect);
        }
    }
}

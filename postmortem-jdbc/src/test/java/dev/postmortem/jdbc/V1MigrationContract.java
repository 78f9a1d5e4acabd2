package dev.postmortem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.insight.InsightGrouping;
import dev.postmortem.core.insight.InsightQuery;
import dev.postmortem.core.insight.Insights;
import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemContent;
import dev.postmortem.core.model.Priority;
import dev.postmortem.core.model.StatusChange;
import dev.postmortem.core.model.TimelineEvent;
import dev.postmortem.core.model.TimelineTime;
import dev.postmortem.core.postmortem.PostMortemQuery;
import dev.postmortem.core.postmortem.PostMortemSummary;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A database written by release 0.1 (schema V1, five tables) migrates in place to the newest schema and reads
 * back exactly what was written: ids, versions (the ETags), timestamps to the microsecond,
 * status history, and the order of events, items and contributors.
 */
abstract class V1MigrationContract extends DatabaseTest {

    private static final Instant T0 = Instant.parse("2024-03-01T10:15:30.123456Z");

    private final List<PostMortem> written = new ArrayList<>();
    private JdbcPostMortemRepository repository;

    @Override
    protected boolean migrated() {
        return false;
    }

    @BeforeEach
    void writtenByV1ThenMigrated() {
        V1Storage v1 = V1Storage.migrate(dataSource());
        written.addAll(List.of(published(), bare(), everyTimeFormAndItemKind(), manyEvents(), otherTenant()));
        written.forEach(v1::insert);

        PostMortemSchema.migrate(dataSource());
        repository = JdbcPostMortemRepository.builder(dataSource()).migrateSchema(false).build();
    }

    @Test
    void everyDocumentReadsBackAsV1WroteIt() {
        for (PostMortem postMortem : written) {
            assertThat(repository.find(postMortem.tenantId(), postMortem.id())).as(postMortem.content().title())
                    .contains(postMortem);
        }
    }

    @Test
    void theOldChildTablesAreGoneAndTheActionItemRowsStay() {
        long items = written.stream().mapToLong(p -> p.content().actionItems().size()).sum();

        assertThat(count("SELECT COUNT(*) FROM pm_action_item")).isEqualTo(items);
        assertThat(count("""
                SELECT COUNT(*) FROM information_schema.tables
                 WHERE LOWER(table_name) IN ('pm_timeline_event', 'pm_contributor', 'pm_status_change')
                   AND table_schema = CURRENT_SCHEMA""")).isZero();
    }

    @Test
    void aContributorStillSeesTheDraftAndOthersStillDoNot() {
        PostMortem draft = written.get(2);
        PostMortemQuery asContributor = new PostMortemQuery(Actor.user("dave@example.com", "acme"), Set.of(),
                null, null, 100, null);
        PostMortemQuery asStranger = new PostMortemQuery(Actor.user("eve@example.com", "acme"), Set.of(),
                null, null, 100, null);

        assertThat(repository.list(asContributor).items()).extracting(PostMortemSummary::id).contains(draft.id());
        assertThat(repository.list(asStranger).items()).extracting(PostMortemSummary::id)
                .doesNotContain(draft.id());
    }

    @Test
    void aWordOnlyInAnOldTimelineEventOrActionItemIsFound() {
        PostMortem draft = written.get(2);
        Actor admin = Actor.admin("root@example.com", "acme");

        for (String word : List.of("rolled", "load")) {
            assertThat(repository.list(new PostMortemQuery(admin, Set.of(), null, word, 100, null)).items())
                    .as(word).extracting(PostMortemSummary::id).containsExactly(draft.id());
        }
    }

    @Test
    void theInsightColumnsOfMigratedDocumentsAreDerivedOnceAtTheNextStart() {
        assertThat(count("SELECT COUNT(*) FROM pm_post_mortem WHERE insight_columns_version = 0"))
                .isEqualTo(written.size());

        PostMortemSchema.catchUp(dataSource(), "simple");
        PostMortemSchema.catchUp(dataSource(), "simple");

        assertThat(count("SELECT COUNT(*) FROM pm_post_mortem WHERE insight_columns_version = 0")).isZero();
        Insights insights = repository.insights(new InsightQuery(Actor.admin("root@example.com", "acme"),
                LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31"), InsightGrouping.MONTH, null,
                LocalDate.parse("2024-06-01")));
        assertThat(insights.total().postMortems()).isEqualTo(written.stream().filter(p -> p.tenantId().equals("acme"))
                .count());
        assertThat(insights.total().actionItems().created()).isEqualTo(written.stream()
                .filter(p -> p.tenantId().equals("acme")).mapToLong(p -> p.content().actionItems().size()).sum());
    }

    @Test
    void aMigratedDocumentTakesChangesAndItsItemRowsFollow() {
        PostMortem draft = written.get(2);
        List<ActionItem> fewer = draft.content().actionItems().subList(0, 1);

        PostMortem changed = repository.update("acme", draft.id(), "alice@example.com", current -> new PostMortem(current.id(),
                current.tenantId(), current.templateId(), current.status(), current.content().withActionItems(fewer),
                current.createdAt(), current.createdBy(), T0.plusSeconds(600), current.publishedAt(),
                current.version(), current.statusHistory())).orElseThrow();

        assertThat(repository.find("acme", draft.id())).contains(changed);
        assertThat(changed.version()).isEqualTo(draft.version() + 1);
        assertThat(count("SELECT COUNT(*) FROM pm_action_item WHERE post_mortem_id = '" + draft.id() + "'"))
                .isEqualTo(1L);
    }

    private long count(String sql) {
        return Jdbi.create(dataSource()).withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static PostMortem published() {
        PostMortemContent content = new PostMortemContent("INC-2041", "Checkout outage",
                "Checkout failed for 20 minutes.", "12% of orders failed.", "A connection pool limit of 10.",
                List.of(event("14:30", "Alert fired"), event("14:35:20", "Engineer paged")),
                List.of(item("Add pool monitoring", "alice@example.com", ActionItemStatus.DONE, Priority.HIGH,
                        LocalDate.parse("2024-03-15"))),
                List.of("bob@example.com", "alice@example.com"));
        List<StatusChange> history = List.of(
                new StatusChange(null, PostMortemStatus.DRAFT, "carol@example.com", T0),
                new StatusChange(PostMortemStatus.DRAFT, PostMortemStatus.IN_REVIEW, "carol@example.com",
                        Instant.parse("2024-03-02T08:00:00Z")),
                new StatusChange(PostMortemStatus.IN_REVIEW, PostMortemStatus.PUBLISHED, "admin@example.com",
                        Instant.parse("2024-03-03T09:30:00.5Z")));
        return new PostMortem(UUID.randomUUID(), "acme", "database-outage", PostMortemStatus.PUBLISHED, content,
                T0, "carol@example.com", Instant.parse("2024-03-03T09:30:00.5Z"),
                Instant.parse("2024-03-03T09:30:00.5Z"), 7, history);
    }

    /** Nothing optional: no sections, lists, contributors or template. */
    private static PostMortem bare() {
        PostMortemContent content = new PostMortemContent("INC-1", "Bare", "", null, null, List.of(), List.of(),
                List.of());
        return new PostMortem(UUID.randomUUID(), "acme", null, PostMortemStatus.DRAFT, content, T0.plusSeconds(1),
                "carol@example.com", T0.plusSeconds(1), null, 1,
                List.of(new StatusChange(null, PostMortemStatus.DRAFT, "carol@example.com", T0.plusSeconds(1))));
    }

    /** Date-times with offsets, every status and priority, and text JSON must escape. */
    private static PostMortem everyTimeFormAndItemKind() {
        String awkward = "Quotes \" and \\ backslashes, a tab\tand\nnew lines, </script>, ünïcödé and 🚨";
        PostMortemContent content = new PostMortemContent("INC-\"7\"", awkward, awkward, awkward, awkward,
                List.of(event("2024-03-01T23:50:00Z", "Deploy started"), event("2024-03-02T00:10:00Z", awkward),
                        event("2024-03-02T01:12:30+01:00", "Rolled back")),
                List.of(item(awkward, null, ActionItemStatus.TODO, Priority.LOW, null),
                        item("Alert on pool", "ops", ActionItemStatus.IN_PROGRESS, Priority.MEDIUM,
                                LocalDate.parse("2024-12-31")),
                        item("Load test", "alice@example.com", ActionItemStatus.DONE, Priority.HIGH, null)),
                List.of("dave@example.com"));
        return new PostMortem(UUID.randomUUID(), "acme", "security-incident", PostMortemStatus.DRAFT, content,
                T0.plusSeconds(2), "carol@example.com", T0.plusSeconds(3), null, 3,
                List.of(new StatusChange(null, PostMortemStatus.DRAFT, "carol@example.com", T0.plusSeconds(2))));
    }

    /** More than ten events and items: their order is the sort order's number, not its text. */
    private static PostMortem manyEvents() {
        List<TimelineEvent> events = IntStream.range(0, 12)
                .mapToObj(i -> event("%02d:00".formatted(i), "Step " + i)).toList();
        List<ActionItem> items = IntStream.range(0, 12)
                .mapToObj(i -> item("Item " + i, null, ActionItemStatus.TODO, Priority.MEDIUM, null)).toList();
        PostMortemContent content = new PostMortemContent("INC-12", "Twelve steps", "Long night.", null, null,
                events, items, List.of());
        return new PostMortem(UUID.randomUUID(), "acme", null, PostMortemStatus.ARCHIVED, content,
                T0.plusSeconds(4), "carol@example.com", T0.plusSeconds(5), T0.plusSeconds(5), 4, List.of(
                        new StatusChange(null, PostMortemStatus.DRAFT, "carol@example.com", T0.plusSeconds(4)),
                        new StatusChange(PostMortemStatus.DRAFT, PostMortemStatus.PUBLISHED, "carol@example.com",
                                T0.plusSeconds(5)),
                        new StatusChange(PostMortemStatus.PUBLISHED, PostMortemStatus.ARCHIVED,
                                "carol@example.com", T0.plusSeconds(5))));
    }

    private static PostMortem otherTenant() {
        PostMortemContent content = new PostMortemContent("INC-1", "Another tenant's", "Not acme's.", null, null,
                List.of(event("09:00", "Started")), List.of(), List.of("zed@example.com"));
        return new PostMortem(UUID.randomUUID(), "globex", null, PostMortemStatus.DRAFT, content, T0,
                "zed@example.com", T0, null, 1,
                List.of(new StatusChange(null, PostMortemStatus.DRAFT, "zed@example.com", T0)));
    }

    private static TimelineEvent event(String time, String description) {
        return new TimelineEvent(UUID.randomUUID(), TimelineTime.parse(time), description);
    }

    private static ActionItem item(String description, String owner, ActionItemStatus status, Priority priority,
                                   LocalDate due) {
        return new ActionItem(UUID.randomUUID(), description, owner, status, priority, due);
    }
}

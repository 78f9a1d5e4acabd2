package dev.postmortem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.insight.InsightGrouping;
import dev.postmortem.core.insight.InsightQuery;
import dev.postmortem.core.insight.Recurrence;
import dev.postmortem.core.model.ImpactDetails;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.workflow.PostMortemStatus;
import dev.postmortem.testing.PostMortems;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.groups.Tuple;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The recurrences PostgreSQL reads from the labels' counts by day (V11): every concurrent write
 * is counted, a draft for those who may see it, and an upgrade counts the labels stored before it.
 */
class PostgresLabelDayTest extends DatabaseTest {

    private static final Actor ADMIN = Actor.admin("root@example.com", "acme");
    private static final Actor CAROL = Actor.user("carol@example.com", "acme");
    private static final Actor DAVE = Actor.user("dave@example.com", "acme");
    private static final LocalDate DAY = LocalDate.parse("2025-03-10");

    @Override
    protected TestDatabase newDatabase(Path folder) {
        return PostgresTestDatabase.createOrSkip();
    }

    @Test
    void concurrentCreatesOfOneServiceOnOneDayAreAllCounted() throws Exception {
        JdbcPostMortemRepository repository = JdbcPostMortemRepository.builder(dataSource()).migrateSchema(false)
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> creates = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            creates.add(pool.submit(() -> repository.insert(ofCheckout(PostMortemStatus.IN_REVIEW, DAY))));
        }
        for (Future<?> create : creates) {
            create.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(recurrences(repository, DAVE)).extracting(Recurrence::key, Recurrence::count)
                .containsExactly(Tuple.tuple("checkout", 80L));
    }

    @Test
    void anUpgradeCountsTheLabelsStoredBeforeIt() {
        JdbcPostMortemRepository repository = JdbcPostMortemRepository.builder(dataSource()).migrateSchema(false)
                .build();
        repository.insert(ofCheckout(PostMortemStatus.PUBLISHED, DAY));
        repository.insert(ofCheckout(PostMortemStatus.DRAFT, DAY.plusDays(20), "dave@example.com"));
        repository.insert(ofCheckout(PostMortemStatus.DRAFT, DAY.plusDays(30), "carol@example.com"));
        repository.insert(ofCheckout(PostMortemStatus.IN_REVIEW, DAY.plusDays(200)));
        repository.insert(ofCheckout(PostMortemStatus.IN_REVIEW, DAY.plusDays(250)));
        List<Recurrence> asAdmin = recurrences(repository, ADMIN);
        List<Recurrence> asCarol = recurrences(repository, CAROL);
        List<Recurrence> asDave = recurrences(repository, DAVE);
        assertThat(asAdmin).extracting(Recurrence::count).containsExactly(5L);
        assertThat(asCarol).as("her drafts once, though she contributes to one").extracting(Recurrence::count)
                .containsExactly(5L);
        assertThat(asDave).as("the draft he contributes to, not the other").extracting(Recurrence::count)
                .containsExactly(4L);

        // the schema as version 10 left it, with these rows: no counts
        Jdbi.create(dataSource()).useHandle(handle -> {
            handle.execute("DROP TABLE pm_label_day");
            handle.execute("DELETE FROM \"pm_schema_history\" WHERE \"version\" = '11'");
        });
        PostMortemSchema.migrate(dataSource());

        assertThat(recurrences(repository, ADMIN)).isEqualTo(asAdmin);
        assertThat(recurrences(repository, CAROL)).isEqualTo(asCarol);
        assertThat(recurrences(repository, DAVE)).isEqualTo(asDave);
    }

    @Test
    void aDraftCountsForAContributorWhileTheyContribute() {
        JdbcPostMortemRepository repository = JdbcPostMortemRepository.builder(dataSource()).migrateSchema(false)
                .build();
        repository.insert(ofCheckout(PostMortemStatus.PUBLISHED, DAY));
        PostMortem draft = ofCheckout(PostMortemStatus.DRAFT, DAY.plusDays(10));
        repository.insert(draft);
        assertThat(recurrences(repository, DAVE)).isEmpty();

        repository.update("acme", draft.id(), "carol@example.com", current -> ofCheckout(current, "dave@example.com"));
        assertThat(recurrences(repository, DAVE)).extracting(Recurrence::count).containsExactly(2L);

        repository.update("acme", draft.id(), "carol@example.com", current -> ofCheckout(current));
        assertThat(recurrences(repository, DAVE)).isEmpty();
        assertThat(recurrences(repository, CAROL)).extracting(Recurrence::count).containsExactly(2L);
    }

    /** The draft again, with these contributors. */
    private static PostMortem ofCheckout(PostMortem draft, String... contributors) {
        return PostMortems.postMortem().id(draft.id()).tenant("acme").createdBy(draft.createdBy())
                .createdAt(draft.createdAt()).status(draft.status()).incidentDate(draft.content().incidentDate())
                .contributors(contributors).impactDetails(draft.content().impactDetails()).build();
    }

    private static PostMortem ofCheckout(PostMortemStatus status, LocalDate day, String... contributors) {
        return PostMortems.postMortem().tenant("acme").createdBy("Carol@example.com").status(status).incidentDate(day)
                .contributors(contributors).impactDetails(new ImpactDetails(null, null, List.of("Checkout"), null))
                .build();
    }

    private static List<Recurrence> recurrences(JdbcPostMortemRepository repository, Actor viewer) {
        return repository.insights(new InsightQuery(viewer, LocalDate.parse("2025-01-01"),
                LocalDate.parse("2025-12-31"), InsightGrouping.MONTH, null, LocalDate.parse("2026-01-01"))).recurrence();
    }
}

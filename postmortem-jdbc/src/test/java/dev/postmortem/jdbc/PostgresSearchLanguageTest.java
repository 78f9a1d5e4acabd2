package dev.postmortem.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.postmortem.PostMortemQuery;
import dev.postmortem.core.postmortem.PostMortemSummary;
import dev.postmortem.testing.PostMortems;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The text search language on PostgreSQL: stemming once configured, every stored row indexed again. */
class PostgresSearchLanguageTest extends DatabaseTest {

    private static final Actor ADMIN = Actor.admin("root@example.com", "acme");

    @Override
    protected TestDatabase newDatabase(Path folder) {
        return PostgresTestDatabase.createOrSkip();
    }

    private static List<String> titles(JdbcPostMortemRepository repository, String q) {
        return repository.list(new PostMortemQuery(ADMIN, Set.of(), null, q, 100, null)).items().stream()
                .map(PostMortemSummary::title).toList();
    }

    @Test
    void englishStemsTheWordsOfRowsWrittenBeforeAndAfterItWasConfigured() {
        JdbcPostMortemRepository simple = JdbcPostMortemRepository.builder(dataSource()).build();
        simple.insert(PostMortems.postMortem().tenant("acme").title("Before").summary("The release was deployed.")
                .build());
        assertThat(titles(simple, "deploying")).as("simple: words as written").isEmpty();

        JdbcPostMortemRepository english = JdbcPostMortemRepository.builder(dataSource()).searchLanguage("english")
                .build();
        english.insert(PostMortems.postMortem().tenant("acme").title("After").summary("Deploys were paused.")
                .build());

        assertThat(titles(english, "deploying")).containsExactlyInAnyOrder("Before", "After");
        assertThat(english.list(new PostMortemQuery(ADMIN, Set.of(), null, "deploying", 100, null)).items())
                .allSatisfy(hit -> assertThat(hit.highlight().field()).isEqualTo("summary"));
        JdbcPostMortemRepository back = JdbcPostMortemRepository.builder(dataSource()).build();
        assertThat(titles(back, "deploying")).isEmpty();
        assertThat(titles(back, "deployed")).containsExactly("Before");
    }

    @Test
    void anUnknownLanguageStopsTheStartNamingIt() {
        assertThatThrownBy(() -> JdbcPostMortemRepository.builder(dataSource()).searchLanguage("klingon").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"klingon\"");
        assertThatThrownBy(() -> JdbcPostMortemRepository.builder(dataSource()).searchLanguage("english' OR '1"))
                .as("named in the search SQL: a name, nothing else").isInstanceOf(IllegalArgumentException.class);
    }
}

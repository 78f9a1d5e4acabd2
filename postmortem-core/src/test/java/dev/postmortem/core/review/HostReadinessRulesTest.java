package dev.postmortem.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.postmortem.ExpectedVersion;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.core.review.BlamingPhrases.Phrase;
import dev.postmortem.core.review.BlamingPhrases.Subject;
import dev.postmortem.core.workflow.PostMortemStatus;
import dev.postmortem.testing.InMemoryPostMortemRepository;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a host changes in the readiness check: its own rules, severities and phrases. */
class HostReadinessRulesTest {

    private static final Actor CAROL = Actor.user("carol@example.com", "acme");

    /** A house rule: every post-mortem names the services it affected. */
    private static final ReadinessRule SERVICES_NAMED = new ReadinessRule() {
        @Override
        public String id() {
            return "services-named";
        }

        @Override
        public Severity defaultSeverity() {
            return Severity.ERROR;
        }

        @Override
        public void check(ReadinessContext context, Findings findings) {
            if (context.postMortem().content().impactDetails().servicesAffected().isEmpty()) {
                findings.add("servicesAffected", "No service is named.", "Name the services that were affected.");
            }
        }
    };

    private static PostMortemInput draft(String rootCause) {
        return PostMortemInput.builder().incidentId("INC-1").title("Search slow").summary("Search was slow.")
                .impact("Searches took 9 s.").rootCause(rootCause).build();
    }

    private static PostMortemService service(ReadinessCheck check) {
        return PostMortemService.builder(new InMemoryPostMortemRepository()).readiness(check).build();
    }

    @Test
    void aHostRuleKeepsADraftOutOfReviewUntilItPasses() {
        PostMortemService service = service(ReadinessCheck.builder().add(SERVICES_NAMED).build());
        PostMortem pm = service.create(CAROL, draft("An index was dropped by a migration."));

        assertThatThrownBy(() -> service.transition(CAROL, pm.id(), PostMortemStatus.IN_REVIEW, ExpectedVersion.any()))
                .isInstanceOfSatisfying(NotReadyException.class, refused -> assertThat(refused.findings())
                        .extracting(Finding::rule, Finding::field).containsExactly(
                                org.assertj.core.groups.Tuple.tuple("services-named", "servicesAffected")));

        service.update(CAROL, pm.id(), PostMortemInput.builder().servicesAffected(List.of("search")).build(),
                ExpectedVersion.any());
        assertThat(service.transition(CAROL, pm.id(), PostMortemStatus.IN_REVIEW, ExpectedVersion.any()).status())
                .isEqualTo(PostMortemStatus.IN_REVIEW);
    }

    @Test
    void aRuleLoweredToWarningStillReportsButNeverBlocks() {
        PostMortemService service = service(ReadinessCheck.builder()
                .severity(BlamingLanguageRule.ID, Severity.WARNING).build());
        PostMortem pm = service.create(CAROL, draft("Human error in the migration."));

        assertThat(service.readiness(CAROL, pm.id()).findings()).extracting(Finding::rule, Finding::severity)
                .contains(org.assertj.core.groups.Tuple.tuple(BlamingLanguageRule.ID, Severity.WARNING));
        assertThat(service.transition(CAROL, pm.id(), PostMortemStatus.IN_REVIEW, ExpectedVersion.any()).status())
                .isEqualTo(PostMortemStatus.IN_REVIEW);
    }

    @Test
    void aSeverityForAnUnknownRuleIsRefusedWhenTheCheckIsBuilt() {
        assertThatThrownBy(() -> ReadinessCheck.builder().severity("blaming-langauge", Severity.WARNING).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blaming-langauge").hasMessageContaining("blaming-language");
    }

    @Test
    void phrasesOfAnotherLanguageReplaceTheEnglishOnes() {
        BlamingPhrases german = BlamingPhrases.of(List.of(
                new Phrase("menschliches Versagen", Subject.ANY, "Beschreibe, was das System zuließ."),
                new Phrase("hätte prüfen müssen", Subject.PERSON_BEFORE, "Beschreibe die fehlende Prüfung.")),
                Set.of("er", "sie", "jemand"));
        PostMortemService service = service(ReadinessCheck.builder().blamingPhrases(german).build());

        PostMortem german1 = service.create(CAROL, draft("Menschliches Versagen beim Failover."));
        PostMortem german2 = service.create(CAROL, draft("Er hätte prüfen müssen, ob der Pool reicht."));
        PostMortem system = service.create(CAROL, draft("Der Deploy hätte prüfen müssen, ob der Pool reicht."));
        PostMortem english = service.create(CAROL, draft("Human error in the migration."));

        assertThat(rules(service, german1)).contains(BlamingLanguageRule.ID);
        assertThat(rules(service, german2)).contains(BlamingLanguageRule.ID);
        assertThat(rules(service, system)).doesNotContain(BlamingLanguageRule.ID);
        assertThat(rules(service, english)).doesNotContain(BlamingLanguageRule.ID);
    }

    private static List<String> rules(PostMortemService service, PostMortem pm) {
        return service.readiness(CAROL, pm.id()).findings().stream().map(Finding::rule).toList();
    }
}

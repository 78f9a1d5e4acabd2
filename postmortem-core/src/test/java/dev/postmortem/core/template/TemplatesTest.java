package dev.postmortem.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.ActionItemInput;
import dev.postmortem.core.model.KeyMoment;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.model.Priority;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.core.testing.ServiceFixture;
import dev.postmortem.testing.InMemoryPostMortemRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplatesTest {

    private static final Actor CAROL = Actor.user("carol@example.com", "acme");

    private final ServiceFixture fixture = new ServiceFixture();

    @Test
    void theFiveBuiltInsAreAddressableById() {
        assertThat(new BuiltInTemplates().all()).extracting(Template::id).containsExactly("database-outage",
                "api-downtime", "security-incident", "deployment-failure", "third-party-failure");
        assertThat(fixture.service.template("security-incident")).get().extracting(Template::name)
                .isEqualTo("Security incident");
        assertThat(fixture.service.template("unknown")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"database-outage", "api-downtime", "security-incident", "deployment-failure",
        "third-party-failure"})
    void eachBuiltInHasHintsKeyMomentsAndPrioritisedItems(String id) {
        Template template = new BuiltInTemplates().find(id).orElseThrow();

        assertThat(template.title()).contains("{incidentId}");
        TemplateHints hints = template.hints();
        assertThat(Stream.of(hints.summary(), hints.impact(), hints.rootCause(), hints.businessImpact(),
                hints.contributingFactors(), hints.whyNotCaughtEarlier(), hints.lessonsLearned()))
                .allSatisfy(text -> assertThat(text).hasSizeGreaterThan(20));
        assertThat(template.timeline()).extracting(SuggestedEvent::keyMoment)
                .as("every key moment suggested once").containsAll(List.of(KeyMoment.values()))
                .filteredOn(moment -> moment != null).doesNotHaveDuplicates();
        assertThat(template.actionItems()).hasSizeGreaterThanOrEqualTo(3)
                .extracting(item -> item.priority().value()).contains(Priority.HIGH);
    }

    @Test
    void theBuiltInsAskWhatTheSpecAsksOfEachKindOfIncident() {
        BuiltInTemplates templates = new BuiltInTemplates();
        assertThat(templates.find("api-downtime").orElseThrow().hints().rootCause()).contains("deployment");
        assertThat(templates.find("security-incident").orElseThrow().hints().contributingFactors())
                .contains("when exploitation began");
        assertThat(templates.find("third-party-failure").orElseThrow().actionItems())
                .anySatisfy(item -> assertThat(item.description().value()).contains("alternative provider"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"database-outage", "api-downtime", "security-incident", "deployment-failure",
        "third-party-failure"})
    void aPostMortemStartedFromABuiltInStoresNoGuidanceAndNoInventedTimes(String id) {
        PostMortem pm = fixture.service.create(CAROL, PostMortemInput.builder().templateId(id)
                .incidentId("INC-42").build());

        Template template = new BuiltInTemplates().find(id).orElseThrow();
        assertThat(pm.templateId()).isEqualTo(id);
        assertThat(pm.content().title()).contains("INC-42").contains("2024-01-15").doesNotContain("{");
        assertThat(pm.content().summary()).isEmpty();
        assertThat(pm.content().impact()).isNull();
        assertThat(pm.content().rootCause()).isNull();
        assertThat(pm.content().timeline()).as("suggestions have no time to store").isEmpty();
        assertThat(pm.content().actionItems()).extracting(ActionItem::description)
                .containsExactlyElementsOf(template.actionItems().stream()
                        .map(item -> item.description().value()).toList());
        assertThat(pm.content().actionItems()).extracting(ActionItem::owner).containsOnlyNulls();
    }

    @Test
    void whatTheAuthorSentStaysEvenWhenEmpty() {
        PostMortem pm = fixture.service.create(CAROL, PostMortemInput.builder().templateId("api-downtime")
                .incidentId("INC-7").title("Checkout API returned 503").summary("").actionItems(List.of())
                .event("09:12", "Our own first event").build());

        assertThat(pm.content().title()).isEqualTo("Checkout API returned 503");
        assertThat(pm.content().summary()).isEmpty();
        assertThat(pm.content().actionItems()).as("an emptied list is not refilled").isEmpty();
        assertThat(pm.content().timeline()).hasSize(1);
    }

    @Test
    void aTitlePatternLeavesOutThePartsItHasNoValueFor() {
        Template template = new BuiltInTemplates().find("database-outage").orElseThrow();
        LocalDate day = LocalDate.parse("2025-01-15");

        assertThat(template.titleFor("INC-9", null, day)).isEqualTo("Database outage - INC-9 - 2025-01-15");
        assertThat(template.titleFor("", null, day)).isEqualTo("Database outage - 2025-01-15");
        assertThat(template.titleFor(null, null, null)).isEqualTo("Database outage");
        Template withTitle = new Template("t", "Ours", "d", "{incidentTitle} - {incidentId}", null, null, null);
        assertThat(withTitle.titleFor("INC-9", "Checkout 503s", day)).isEqualTo("Checkout 503s - INC-9");
        assertThat(withTitle.titleFor(null, null, day)).as("nothing left: the template's name").isEqualTo("Ours");
    }

    @Test
    void hostTemplatesComeFirstAndMayReplaceABuiltIn() {
        Template ours = new Template("database-outage", "Our DB outage", "House style", "DB: {incidentId}",
                new TemplateHints("Our summary guidance", null, null, null, null, null, null),
                List.of(new SuggestedEvent("Pager", KeyMoment.DETECTED)),
                List.of(ActionItemInput.of("Tell the DBA", null, Priority.LOW, null)));
        Template extra = new Template("payment-failure", "Payment failure", "Card payments failed",
                "Payments: {incidentId}", null, null, null);
        PostMortemService service = PostMortemService.builder(new InMemoryPostMortemRepository())
                .templates(() -> List.of(ours, extra)).build();

        assertThat(service.templates()).extracting(Template::id).containsExactly("database-outage", "payment-failure",
                "api-downtime", "security-incident", "deployment-failure", "third-party-failure");
        PostMortem pm = service.create(CAROL, PostMortemInput.builder().templateId("database-outage")
                .incidentId("INC-1").build());
        assertThat(pm.content().title()).isEqualTo("DB: INC-1");
        assertThat(pm.content().summary()).isEmpty();
        assertThat(pm.content().actionItems()).extracting(ActionItem::description).containsExactly("Tell the DBA");
    }
}

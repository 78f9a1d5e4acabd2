package dev.postmortem.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.ActionItemInput;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.model.Priority;
import dev.postmortem.core.model.TimelineEvent;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.testing.InMemoryPostMortemRepository;
import dev.postmortem.core.testing.ServiceFixture;
import java.util.List;
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
    void eachBuiltInHasGuidanceEventsAndPrioritisedItems(String id) {
        Template template = new BuiltInTemplates().find(id).orElseThrow();

        PostMortemInput prefill = template.prefill();
        assertThat(prefill.title().value()).contains("{incidentId}");
        assertThat(List.of(template.description(), prefill.summary().value(), prefill.impact().value(),
                prefill.rootCause().value())).allSatisfy(text -> assertThat(text).hasSizeGreaterThan(40));
        assertThat(prefill.timeline().value()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(prefill.actionItems().value()).hasSizeGreaterThanOrEqualTo(3)
                .extracting(item -> item.priority().value()).contains(Priority.HIGH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"database-outage", "api-downtime", "security-incident", "deployment-failure",
        "third-party-failure"})
    void aPostMortemStartedFromABuiltInIsValidAsIs(String id) {
        PostMortem pm = fixture.service.create(CAROL, PostMortemInput.builder().templateId(id)
                .incidentId("INC-42").build());

        Template template = new BuiltInTemplates().find(id).orElseThrow();
        assertThat(pm.templateId()).isEqualTo(id);
        assertThat(pm.content().title()).contains("INC-42").contains("2024-01-15").doesNotContain("{");
        assertThat(pm.content().summary()).isEqualTo(template.prefill().summary().value());
        assertThat(pm.content().timeline()).extracting(TimelineEvent::description)
                .containsExactlyElementsOf(template.prefill().timeline().value().stream()
                        .map(event -> event.description().value()).toList());
        assertThat(pm.content().actionItems()).extracting(ActionItem::description)
                .containsExactlyElementsOf(template.prefill().actionItems().value().stream()
                        .map(item -> item.description().value()).toList());
        assertThat(pm.content().actionItems()).extracting(ActionItem::owner).containsOnlyNulls();
    }

    @Test
    void theTemplateFillsOnlyWhatTheAuthorLeftEmpty() {
        PostMortem pm = fixture.service.create(CAROL, PostMortemInput.builder().templateId("api-downtime")
                .incidentId("INC-7").title("Checkout API returned 503").summary("  ")
                .event("09:12", "Our own first event").build());

        Template template = new BuiltInTemplates().find("api-downtime").orElseThrow();
        assertThat(pm.content().title()).isEqualTo("Checkout API returned 503");
        assertThat(pm.content().summary()).as("blank counts as empty").isEqualTo(template.prefill().summary().value());
        assertThat(pm.content().impact()).isEqualTo(template.prefill().impact().value());
        assertThat(pm.content().timeline()).extracting(TimelineEvent::description)
                .containsExactly("Our own first event");
        assertThat(pm.content().actionItems()).hasSize(template.prefill().actionItems().value().size());
    }

    @Test
    void hostTemplatesComeFirstAndMayReplaceABuiltIn() {
        Template ours = new Template("database-outage", "Our DB outage", "House style", PostMortemInput.builder()
                .title("DB: {incidentId}").summary("Our summary guidance").impact("Our impact guidance")
                .rootCause("Our root cause guidance").event("00:00", "Pager")
                .actionItem(ActionItemInput.of("Tell the DBA", null, Priority.LOW, null)).build());
        Template extra = new Template("payment-failure", "Payment failure", "Card payments failed",
                PostMortemInput.builder().title("Payments: {incidentId}").summary("s").impact("i").rootCause("r")
                        .build());
        PostMortemService service = PostMortemService.builder(new InMemoryPostMortemRepository())
                .templates(() -> List.of(ours, extra)).build();

        assertThat(service.templates()).extracting(Template::id).containsExactly("database-outage", "payment-failure",
                "api-downtime", "security-incident", "deployment-failure", "third-party-failure");
        PostMortem pm = service.create(CAROL, PostMortemInput.builder().templateId("database-outage")
                .incidentId("INC-1").build());
        assertThat(pm.content().title()).isEqualTo("DB: INC-1");
        assertThat(pm.content().actionItems()).extracting(ActionItem::description).containsExactly("Tell the DBA");
    }
}

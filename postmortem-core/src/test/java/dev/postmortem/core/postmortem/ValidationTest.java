package dev.postmortem.core.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.model.ActionItemInput;
import dev.postmortem.core.model.FieldError;
import dev.postmortem.core.model.InvalidInputException;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.model.Priority;
import dev.postmortem.core.model.TimelineEventInput;
import dev.postmortem.core.model.TimelineRules;
import dev.postmortem.core.model.TimelineTime;
import dev.postmortem.core.testing.ServiceFixture;
import dev.postmortem.testing.SpecExample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every limit of the product, reported with the document's path and a message for people. */
class ValidationTest {

    private static final Actor CAROL = Actor.user("carol@example.com", "acme");

    private final ServiceFixture fixture = new ServiceFixture();
    private final PostMortemService service = fixture.service;

    @Test
    void reportsEveryViolationAtOnceWithItsPath() {
        PostMortemInput command = PostMortemInput.builder()
                .incidentId(" ")
                .title("x".repeat(201))
                .summary("")
                .impact("i".repeat(20_001))
                .event("25:00", "Impossible time")
                .event("14:00", "")
                .actionItem(ActionItemInput.of("Fine", null, Priority.HIGH, null))
                .actionItem(ActionItemInput.of("", "   ", null, null))
                .contributors(List.of("not-an-email", "ok@example.com"))
                .build();

        assertThat(errorsOf(() -> service.create(CAROL, command))).containsExactly(
                new FieldError("actionItems[1].description", "must not be blank"),
                new FieldError("actionItems[1].owner", "must not be blank; leave it out for unassigned"),
                new FieldError("contributors[0]", "must be an e-mail address"),
                new FieldError("impact", "must be at most 20000 characters"),
                new FieldError("incidentId", "must not be blank"),
                new FieldError("timeline[0].time", TimelineTime.FORMS),
                new FieldError("timeline[1].description", "must not be blank"),
                new FieldError("title", "must be at most 200 characters"));
        assertThat(fixture.repository.size()).isZero();
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        assertThat(errorsOf(() -> service.create(CAROL, PostMortemInput.builder().build())))
                .extracting(FieldError::field).as("a summary may be written later").containsExactly("incidentId", "title");
    }

    @Test
    void limitsAreInclusive() {
        PostMortemInput.Builder atLimits = PostMortemInput.builder()
                .incidentId("i".repeat(100)).title("t".repeat(200)).summary("s".repeat(20_000))
                .impact("i".repeat(20_000)).rootCause("r".repeat(20_000));
        List<TimelineEventInput> events = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            events.add(TimelineEventInput.of(String.format("%02d:%02d", i / 60 % 24, i % 60), "d".repeat(2000)));
        }
        List<ActionItemInput> items = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            items.add(ActionItemInput.of("d".repeat(1000), "o".repeat(200), Priority.LOW, null));
        }
        List<String> contributors = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            contributors.add("person" + i + "@example.com");
        }
        PostMortem created = service.create(CAROL, atLimits.timeline(events).actionItems(items)
                .contributors(contributors).build());
        assertThat(created.content().timeline()).hasSize(500);

        List<TimelineEventInput> tooMany = new ArrayList<>(events);
        tooMany.add(TimelineEventInput.of("23:59", "one more"));
        List<ActionItemInput> tooManyItems = new ArrayList<>(items);
        tooManyItems.add(ActionItemInput.of("one more", null, null, null));
        List<String> tooManyPeople = new ArrayList<>(contributors);
        tooManyPeople.add("one.more@example.com");
        assertThat(errorsOf(() -> service.create(CAROL, atLimits.timeline(tooMany).actionItems(tooManyItems)
                .contributors(tooManyPeople).build()))).containsExactly(
                new FieldError("actionItems", "must have at most 200 action items"),
                new FieldError("contributors", "must have at most 50 contributors"),
                new FieldError("timeline", "must have at most 500 events"));
    }

    @Test
    void oversizedElementFieldsAreNamedWithTheirIndex() {
        PostMortemInput command = PostMortemInput.builder().incidentId("INC").title("T").summary("S")
                .event("10:00", "d".repeat(2001))
                .actionItem(ActionItemInput.of("d".repeat(1001), "o".repeat(201), null, null))
                .contributors(List.of("a".repeat(250) + "@example.com"))
                .build();

        assertThat(errorsOf(() -> service.create(CAROL, command))).extracting(FieldError::field)
                .containsExactly("actionItems[0].description", "actionItems[0].owner", "contributors[0]",
                        "contributors[0]", "timeline[0].description");
    }

    @Test
    void mixingUndatedAndDatedTimesIsRefusedAtTheFirstEventThatDiffers() {
        PostMortemInput command = PostMortemInput.builder().incidentId("INC").title("T").summary("S")
                .event("14:35", "time of day")
                .event("14:40:10", "also a time of day")
                .event("2024-01-15T14:45:00Z", "a date-time")
                .build();

        assertThat(errorsOf(() -> service.create(CAROL, command))).containsExactly(new FieldError("timeline[2].time",
                TimelineRules.UNDATED_MESSAGE));
        PostMortem dated = service.create(CAROL, PostMortemInput.builder().incidentId("INC").title("T")
                .incidentDate(java.time.LocalDate.parse("2024-01-15")).timeline(command.timeline().value()).build());
        assertThat(dated.content().timeline()).as("with the incident's date every form has its place").hasSize(3);
    }

    @Test
    void addingAnEventOfTheOtherFormIsRefusedAndStoresNothing() {
        PostMortem pm = service.create(CAROL, SpecExample.command());

        assertThat(errorsOf(() -> service.addTimelineEvent(CAROL, pm.id(),
                TimelineEventInput.of("2024-01-15T16:00:00Z", "date-time"), ExpectedVersion.any())))
                .extracting(FieldError::field).containsExactly("timeline[5].time");
        assertThat(service.get(CAROL, pm.id())).isEqualTo(pm);
    }

    @Test
    void singleElementWritesReportPathsRelativeToTheElement() {
        PostMortem pm = service.create(CAROL, SpecExample.command());
        var item = pm.content().actionItems().get(0);

        assertThat(errorsOf(() -> service.addActionItem(CAROL, pm.id(), ActionItemInput.of("", null, null, null),
                ExpectedVersion.any()))).containsExactly(new FieldError("description", "must not be blank"));
        assertThat(errorsOf(() -> service.editActionItem(CAROL, pm.id(), item.id(),
                ActionItemInput.none().owner("o".repeat(201)), ExpectedVersion.any())))
                .containsExactly(new FieldError("owner", "must be at most 200 characters"));
        assertThat(errorsOf(() -> service.editTimelineEvent(CAROL, pm.id(), pm.content().timeline().get(0).id(),
                TimelineEventInput.none().time("7pm"), ExpectedVersion.any())))
                .extracting(FieldError::field).containsExactly("time");
    }

    @Test
    void anUpdateThatRemovesARequiredFieldIsRefused() {
        PostMortem pm = service.create(CAROL, SpecExample.command());

        assertThat(errorsOf(() -> service.update(CAROL, pm.id(), PostMortemInput.builder().title(null).summary("  ")
                .build(), ExpectedVersion.any()))).extracting(FieldError::field).containsExactly("title");
        assertThat(service.get(CAROL, pm.id())).isEqualTo(pm);
    }

    @Test
    void aNullElementInAListIsBadInputNotACrash() {
        PostMortemInput command = PostMortemInput.builder().incidentId("INC").title("T").summary("S")
                .timeline(Arrays.asList(TimelineEventInput.of("10:00", "fine"), null))
                .contributors(Arrays.asList((String) null))
                .build();

        assertThat(errorsOf(() -> service.create(CAROL, command))).containsExactly(
                new FieldError("contributors[0]", "must not be blank"),
                new FieldError("timeline[1]", "must be an event"));
    }

    @Test
    void anUnknownTemplateIsBadInputNamingTheKnownOnes() {
        assertThat(errorsOf(() -> service.create(CAROL, PostMortemInput.builder().templateId("nope")
                .incidentId("INC").build()))).containsExactly(new FieldError("templateId",
                "no template with this id; known: database-outage, api-downtime, security-incident,"
                        + " deployment-failure, third-party-failure"));
    }

    private static List<FieldError> errorsOf(Executable call) {
        InvalidInputException thrown = org.junit.jupiter.api.Assertions.assertThrows(
                InvalidInputException.class, call);
        assertThat(thrown.getMessage()).isNotBlank();
        return thrown.errors();
    }

    @Test
    void errorsAreListedInTheExceptionMessageToo() {
        assertThatThrownBy(() -> service.create(CAROL, PostMortemInput.builder().incidentId("INC")
                .summary("S").build())).hasMessage("title: must not be blank");
    }
}

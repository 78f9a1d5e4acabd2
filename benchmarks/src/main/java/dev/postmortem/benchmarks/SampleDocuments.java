package dev.postmortem.benchmarks;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.model.ActionItemInput;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.model.Priority;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.testing.InMemoryPostMortemRepository;
import dev.postmortem.testing.SpecExample;
import java.time.LocalDate;

/** The two documents the benchmarks use: the spec's example, and a large one (500 events, 200 items). */
public final class SampleDocuments {

    private static final Actor CAROL = Actor.user("carol@example.com", "acme");

    private SampleDocuments() {
    }

    public static PostMortem specExample() {
        return service().create(CAROL, SpecExample.command());
    }

    public static PostMortem large() {
        PostMortemInput.Builder command = PostMortemInput.builder().incidentId("INC-LARGE")
                .title("A long incident with a long record").summary("Summary ".repeat(200))
                .impact("Impact ".repeat(200)).rootCause("Root cause ".repeat(200));
        for (int i = 0; i < 500; i++) {
            command.event(String.format("%02d:%02d:%02d", i / 3600, i / 60 % 60, i % 60),
                    "Event number " + i + " with a *little* markup and a [link](http://example.com)");
        }
        for (int i = 0; i < 200; i++) {
            command.actionItem(ActionItemInput.of("Action item " + i + " <with> text", "owner" + i + "@example.com",
                    Priority.values()[i % 3], LocalDate.parse("2025-01-01").plusDays(i)));
        }
        return service().create(CAROL, command.build());
    }

    private static PostMortemService service() {
        return PostMortemService.builder(new InMemoryPostMortemRepository()).build();
    }
}

package dev.postmortem.core.access;

import static dev.postmortem.testing.PostMortems.postMortem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.model.ContentDifference;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemContent;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class AccessRulesTest {

    private static final Actor CREATOR = Actor.user("creator@example.com", "acme");
    private static final Actor CONTRIBUTOR = Actor.user("Bob@Example.com", "acme");
    private static final Actor OWNER = Actor.user("alice@example.com", "acme");
    private static final Actor OTHER = Actor.user("other@example.com", "acme");
    private static final Actor ADMIN = Actor.admin("admin@example.com", "acme");
    private static final Actor FOREIGN_ADMIN = Actor.admin("admin@globex.com", "globex");
    private static final Actor FOREIGN_CREATOR = Actor.user("creator@example.com", "globex");

    static Stream<Arguments> visibility() {
        // actor, sees DRAFT, sees IN_REVIEW / PUBLISHED / ARCHIVED, is editor
        return Stream.of(
                Arguments.of("creator", CREATOR, true, true, true),
                Arguments.of("contributor (any case)", CONTRIBUTOR, true, true, true),
                Arguments.of("action item owner", OWNER, false, true, false),
                Arguments.of("other user of the tenant", OTHER, false, true, false),
                Arguments.of("tenant admin", ADMIN, true, true, true),
                Arguments.of("admin of another tenant", FOREIGN_ADMIN, false, false, false),
                Arguments.of("same user id in another tenant", FOREIGN_CREATOR, false, false, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("visibility")
    void visibilityAndEditRightsFollowTheSpec(String who, Actor actor, boolean seesDraft, boolean seesOthers,
                                              boolean editor) {
        for (PostMortemStatus status : PostMortemStatus.values()) {
            PostMortem pm = postMortem().status(status).contributors("bob@example.com").build();
            boolean expectedVisible = status == PostMortemStatus.DRAFT ? seesDraft : seesOthers;
            assertThat(AccessRules.canSee(actor, pm)).as("%s sees %s", who, status).isEqualTo(expectedVisible);
            assertThat(AccessRules.isEditor(actor, pm)).as("%s edits %s", who, status).isEqualTo(editor);
        }
    }

    @Test
    void anItemsOwnerMayChangeOnlyThatItemsStatus() {
        PostMortem pm = postMortem().status(PostMortemStatus.PUBLISHED).build();
        ActionItem owned = pm.content().actionItems().get(0); // owned by alice
        ActionItem unowned = pm.content().actionItems().get(1);

        assertThat(AccessRules.mayMake(OWNER, pm, difference(pm, 0, owned.withStatus(
                ActionItemStatus.DONE)))).isTrue();
        assertThat(AccessRules.mayMake(OWNER, pm, difference(pm, 1, unowned.withStatus(
                ActionItemStatus.DONE)))).as("someone else's item").isFalse();
        ActionItem reassigned = new ActionItem(owned.id(), owned.description(), "mallory@example.com",
                owned.status(), owned.priority(), owned.dueDate());
        assertThat(AccessRules.mayMake(OWNER, pm, difference(pm, 0, reassigned))).as("not the status").isFalse();
        assertThat(AccessRules.mayMake(OTHER, pm, difference(pm, 0, owned.withStatus(
                ActionItemStatus.DONE)))).isFalse();
        assertThat(AccessRules.mayMake(ADMIN, pm, difference(pm, 0, reassigned))).isTrue();
    }

    @Test
    void anOwnerWhoCannotSeeTheDraftMayChangeNothing() {
        PostMortem draft = postMortem().status(PostMortemStatus.DRAFT).build();
        ActionItem owned = draft.content().actionItems().get(0);

        assertThat(AccessRules.mayMake(OWNER, draft, difference(draft, 0, owned.withStatus(
                ActionItemStatus.DONE)))).isFalse();
    }

    private static ContentDifference difference(PostMortem pm, int index, ActionItem replacement) {
        PostMortemContent c = pm.content();
        List<ActionItem> items = new ArrayList<>(c.actionItems());
        items.set(index, replacement);
        return ContentDifference.between(c, c.withActionItems(items));
    }
}

package dev.postmortem.core.access;

import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.ContentDifference;
import dev.postmortem.core.model.PostMortem;
import java.util.List;
import java.util.UUID;

/**
 * Who may see and change a post-mortem. Drafts are private to their creator, contributors
 * and the tenant's admins; everything else is visible to the whole tenant. Editors are the
 * creator, the contributors and admins; an action item's owner may also change that item's
 * status. Nothing is visible across tenants.
 */
public final class AccessRules {

    private AccessRules() {
    }

    public static boolean canSee(Actor actor, PostMortem postMortem) {
        if (!actor.tenantId().equals(postMortem.tenantId())) {
            return false;
        }
        return !postMortem.status().isPrivate() || isEditor(actor, postMortem);
    }

    /** May change content, move it through the workflow, and delete it. */
    public static boolean isEditor(Actor actor, PostMortem postMortem) {
        return actor.tenantId().equals(postMortem.tenantId())
                && (actor.admin()
                        || actor.is(postMortem.createdBy())
                        || postMortem.content().contributors().stream().anyMatch(actor::is));
    }

    /**
     * May make this particular change: editors any; others only status changes of action
     * items they own.
     */
    public static boolean mayMake(Actor actor, PostMortem postMortem, ContentDifference difference) {
        if (isEditor(actor, postMortem)) {
            return true;
        }
        return canSee(actor, postMortem)
                && difference.onlyActionItemStatusesChanged()
                && difference.actionItemsWithNewStatus().stream()
                        .allMatch(itemId -> postMortem.actionItem(itemId).map(item -> actor.is(item.owner()))
                                .orElse(false));
    }

    /** The edits {@link #mayMake} and the post-mortem's status together allow {@code actor} now. */
    public static AllowedEdits allowedEdits(Actor actor, PostMortem postMortem) {
        boolean editor = isEditor(actor, postMortem);
        boolean statusEdits = postMortem.status().allowsActionItemStatusEdits() && canSee(actor, postMortem);
        List<UUID> items = statusEdits
                ? postMortem.content().actionItems().stream()
                        .filter(item -> editor || actor.is(item.owner())).map(ActionItem::id).toList()
                : List.of();
        return new AllowedEdits(editor && postMortem.status().allowsContentEdits(), items);
    }
}

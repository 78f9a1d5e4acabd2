package dev.postmortem.core.workflow;

/**
 * Where a post-mortem stands in its life. Each status decides what may still change.
 */
public enum PostMortemStatus {
    /** Work in progress: freely editable and visible only to its creator, contributors and admins. */
    DRAFT,
    /** Visible to the whole tenant and still editable while review feedback is folded in. */
    IN_REVIEW,
    /** The record of the incident: only the status of action items may still change. */
    PUBLISHED,
    /** Historical reference: read-only. */
    ARCHIVED;

    /** Whether the document's text, timeline, action items and contributors may change. */
    public boolean allowsContentEdits() {
        return this == DRAFT || this == IN_REVIEW;
    }

    /** Whether action items may still move between TODO, IN_PROGRESS and DONE. */
    public boolean allowsActionItemStatusEdits() {
        return this != ARCHIVED;
    }

    /** A published post-mortem is archived, never deleted, so that the record survives. */
    public boolean allowsDeletion() {
        return this == DRAFT || this == IN_REVIEW;
    }

    /** Drafts are private to their authors; every other status is visible to the tenant. */
    public boolean isPrivate() {
        return this == DRAFT;
    }
}

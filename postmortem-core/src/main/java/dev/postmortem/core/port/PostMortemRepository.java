package dev.postmortem.core.port;

import dev.postmortem.core.model.PostMortem;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores post-mortems whole: each call is one transaction that writes the document with its
 * timeline, action items, contributors and status history, or nothing at all.
 */
public interface PostMortemRepository {

    /** Stores a new post-mortem as given (its version is 1). */
    void insert(PostMortem postMortem);

    /**
     * Replaces the stored post-mortem, provided it is still at {@code expectedVersion}, and
     * stores it as {@code expectedVersion + 1}.
     *
     * @return the stored post-mortem, with its new version
     * @throws VersionConflictException when the stored version differs or the row is gone
     */
    PostMortem update(PostMortem postMortem, long expectedVersion);

    /** The post-mortem with this id in this tenant, whatever its status. */
    Optional<PostMortem> find(String tenantId, UUID id);

    /**
     * Removes the post-mortem, provided it is still at {@code expectedVersion}.
     *
     * @throws VersionConflictException when the stored version differs or the row is gone
     */
    void delete(String tenantId, UUID id, long expectedVersion);

    /** One page of the listing, as {@link PostMortemQuery} describes it. */
    PostMortemPage list(PostMortemQuery query);
}

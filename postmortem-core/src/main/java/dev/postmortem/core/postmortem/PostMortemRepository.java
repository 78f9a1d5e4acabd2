package dev.postmortem.core.postmortem;

import dev.postmortem.core.model.PostMortem;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Stores post-mortems whole: each call is one transaction that writes the document with its
 * timeline, action items, contributors and status history, or nothing at all.
 */
public interface PostMortemRepository {

    /** Stores a new post-mortem as given (its version is 1). */
    void insert(PostMortem postMortem);

    /**
     * Changes one post-mortem as a unit: reads it while holding it against every other writer
     * (on a shared database a row lock, so writers on other nodes wait too), passes it to
     * {@code change} and stores what that returns, with the version one higher, in one
     * transaction. When {@code change} returns the post-mortem it was given, nothing is stored;
     * when it throws, nothing is stored and the exception propagates. A repository that is also a
     * {@link dev.postmortem.core.history.HistoryRepository} keeps what changed, by
     * {@code changedBy}, in the same transaction.
     *
     * @return what is stored now: the changed post-mortem with its new version, or the unchanged
     *     one; empty when the tenant has no post-mortem with this id
     */
    Optional<PostMortem> update(String tenantId, UUID id, String changedBy, UnaryOperator<PostMortem> change);

    /** The post-mortem with this id in this tenant, whatever its status. */
    Optional<PostMortem> find(String tenantId, UUID id);

    /**
     * Removes one post-mortem once {@code check} has accepted it, holding it meanwhile as
     * {@link #update} does; {@code check} refuses by throwing, which removes nothing.
     *
     * @return whether the tenant had a post-mortem with this id
     */
    boolean delete(String tenantId, UUID id, Consumer<PostMortem> check);

    /** One page of the listing, as {@link PostMortemQuery} describes it. */
    PostMortemPage list(PostMortemQuery query);

    /**
     * How many action items, in every tenant, are not DONE and were due before {@code today}:
     * a figure for the operator's metrics, never shown to a user.
     */
    long countOverdueActionItems(LocalDate today);
}

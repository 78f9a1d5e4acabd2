package dev.postmortem.core.postmortem;

import dev.postmortem.core.model.PostMortem;

/**
 * The result of adding one element (a timeline event, an action item): the post-mortem as
 * stored, and the element as it was stored, with the id it was given.
 */
public record Added<T>(PostMortem postMortem, T element) {
}

package dev.postmortem.core.model;

import java.util.UUID;

/**
 * What an author writes for one element of a post-mortem's list: everything for a new
 * element, or only the fields to change of an existing one.
 *
 * @param <E> the element it describes
 */
public interface ElementInput<E> {

    /** The id of the existing element this input keeps; {@code null} for a new element. */
    UUID id();

    /** This input with absent fields set to {@code null}: a new element is written whole. */
    ElementInput<E> whole();

    /** A new element with this id, from a validated {@link #whole()} input. */
    E create(UUID newId);

    /** {@code current} with the fields this input sets changed. */
    E applyTo(E current);
}

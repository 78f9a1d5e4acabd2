package dev.postmortem.core.classification;

import java.util.Objects;

/**
 * A kind of root cause a post-mortem is classified under, so that figures across incidents can
 * group by it.
 *
 * @param id what the document's {@code category} holds, such as {@code deployment}
 * @param name how people call it
 */
public record Category(String id, String name, String description) {

    public Category {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}

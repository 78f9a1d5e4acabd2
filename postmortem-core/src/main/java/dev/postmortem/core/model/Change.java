package dev.postmortem.core.model;

import java.util.function.Function;

/**
 * One field of an author's input: absent (the author did not touch it) or set to a value,
 * which may be {@code null} to remove it. What JSON merge patch (RFC 7396) needs and
 * {@link java.util.Optional} cannot say.
 */
public record Change<T>(boolean isSet, T value) {

    private static final Change<?> ABSENT = new Change<>(false, null);

    public Change {
        if (!isSet && value != null) {
            throw new IllegalArgumentException("an absent change has no value");
        }
    }

    @SuppressWarnings("unchecked")
    public static <T> Change<T> absent() {
        return (Change<T>) ABSENT;
    }

    public static <T> Change<T> to(T value) {
        return new Change<>(true, value);
    }

    /** The value when set, otherwise {@code current}. */
    public T orElse(T current) {
        return isSet ? value : current;
    }

    public <R> Change<R> map(Function<? super T, ? extends R> mapping) {
        return isSet ? to(mapping.apply(value)) : absent();
    }

    /** Absent becomes set to {@code null}: a field left out of something that is written whole. */
    public Change<T> orNull() {
        return isSet ? this : to(null);
    }

    static <T> Change<T> nonNull(Change<T> change) {
        return change == null ? absent() : change;
    }
}

package dev.postmortem.core.classification;

import java.util.List;
import java.util.Optional;

/** The root-cause categories a post-mortem may be classified under; a host may replace the built-in ones. */
public interface CategoryCatalog {

    /** Every category, in the order people choose from. */
    List<Category> all();

    default Optional<Category> find(String id) {
        return all().stream().filter(category -> category.id().equals(id)).findFirst();
    }

    /** The categories every post-mortem tool knows: deployment, configuration, ... unknown. */
    static CategoryCatalog builtIn() {
        return BuiltInCategories.CATALOG;
    }

    static CategoryCatalog of(List<Category> categories) {
        List<Category> copy = List.copyOf(categories);
        return () -> copy;
    }
}

package dev.postmortem.core.classification;

import java.util.List;

/** The built-in root-cause categories. */
final class BuiltInCategories {

    static final CategoryCatalog CATALOG = CategoryCatalog.of(List.of(
            new Category("deployment", "Deployment", "A release, rollout or migration changed behaviour."),
            new Category("configuration", "Configuration", "A setting, flag or secret was wrong or changed."),
            new Category("capacity", "Capacity", "Load exceeded what a resource or limit could take."),
            new Category("dependency", "Dependency", "A service, vendor or library we rely on failed."),
            new Category("code-defect", "Code defect", "A bug in our code."),
            new Category("infrastructure", "Infrastructure", "Hardware, network, cloud or platform failed."),
            new Category("security", "Security", "An attack, a leak or a security control."),
            new Category("process", "Process", "A runbook, hand-over or review step was missing or not followed."),
            new Category("unknown", "Unknown", "The cause is not known yet.")));

    private BuiltInCategories() {
    }
}

package dev.postmortem.core.review;

/** How much a readiness finding weighs: an ERROR keeps a draft out of review, a WARNING never does. */
public enum Severity {
    ERROR,
    WARNING
}

/**
 * Searching post-mortems: which texts of a document are searched and how much each weighs
 * ({@link dev.postmortem.core.search.SearchableText}), the words of a query ({@link
 * dev.postmortem.core.search.SearchWords}), and the passage shown with a hit ({@link
 * dev.postmortem.core.search.Highlighter}). The repositories match and rank; this package says
 * what they match against, so every storage searches the same texts.
 */
package dev.postmortem.core.search;

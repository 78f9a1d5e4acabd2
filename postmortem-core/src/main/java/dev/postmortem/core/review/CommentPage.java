package dev.postmortem.core.review;

import java.util.List;

/** One page of a post-mortem's comments, oldest first; {@code nextCursor} is {@code null} on the last. */
public record CommentPage(List<CommentView> items, String nextCursor) {

    public CommentPage {
        items = List.copyOf(items);
    }
}

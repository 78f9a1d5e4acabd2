package dev.postmortem.core.review;

import dev.postmortem.core.access.AccessRules;
import dev.postmortem.core.access.Actor;
import dev.postmortem.core.access.NotAllowedException;
import dev.postmortem.core.event.DomainEvent;
import dev.postmortem.core.model.Comment;
import dev.postmortem.core.model.CommentAnchor;
import dev.postmortem.core.model.FieldError;
import dev.postmortem.core.model.InvalidInputException;
import dev.postmortem.core.model.Limits;
import dev.postmortem.core.model.PlainText;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.workflow.PostMortemStatus;
import dev.postmortem.core.workflow.WorkflowViolationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Review comments on one post-mortem, which the caller has already been shown to see: anyone
 * who sees it comments, on the whole or on a part ({@link CommentAnchor}); replies form threads
 * (a reply to a reply joins its thread); a thread is resolved and reopened by its author or an
 * editor; authors edit and delete their own comments, a thread's first comment only while
 * nobody has answered it. Comments are open in DRAFT and IN_REVIEW and read-only afterwards.
 * {@code PostMortemService} checks visibility, times the use cases and hands them here.
 */
public final class ReviewComments {

    /** Comments on a page unless the caller asks for another number. */
    public static final int DEFAULT_LIMIT = 20;

    private final CommentRepository repository;
    private final Supplier<Instant> now;
    private final Supplier<UUID> ids;
    private final Consumer<DomainEvent> events;

    /**
     * @param now the service's clock, truncated as it stores instants
     * @param events where events go, a listener's failure already handled
     */
    public ReviewComments(CommentRepository repository, Supplier<Instant> now, Supplier<UUID> ids,
                          Consumer<DomainEvent> events) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.now = now;
        this.ids = ids;
        this.events = events;
    }

    /** A page of {@code postMortem}'s comments, oldest first, each marked when its element is gone. */
    public CommentPage list(PostMortem postMortem, Integer limit, String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        CommentPosition after = CommentCursor.decode(cursor);
        List<Comment> found = repository.comments(postMortem.tenantId(), postMortem.id(), after, size + 1);
        List<CommentView> items = found.stream().limit(size).map(comment -> view(postMortem, comment)).toList();
        String next = found.size() > size ? CommentCursor.encode(position(found.get(size - 1))) : null;
        return new CommentPage(items, next);
    }

    /** How many of the post-mortem's threads are not resolved. */
    public long unresolvedThreads(String tenantId, UUID postMortemId) {
        return repository.unresolvedThreads(tenantId, postMortemId);
    }

    /** The comment {@code commentId} of {@code postMortem}. */
    public CommentView get(PostMortem postMortem, UUID commentId) {
        return view(postMortem, find(postMortem, commentId));
    }

    /**
     * Adds {@code actor}'s comment: on {@code anchor}, or, with {@code inReplyTo}, to that
     * comment's thread (on the thread's anchor; another one is refused).
     */
    public CommentView add(Actor actor, PostMortem postMortem, String body, String anchor, UUID inReplyTo) {
        requireOpen(postMortem);
        List<FieldError> errors = new ArrayList<>();
        checkBody(body, errors);
        String anchorProblem = CommentAnchor.problem(anchor);
        if (anchorProblem != null) {
            errors.add(new FieldError("anchor", anchorProblem));
        }
        Comment thread = null;
        if (inReplyTo != null) {
            Comment answered = repository.findComment(postMortem.tenantId(), postMortem.id(), inReplyTo).orElse(null);
            if (answered == null) {
                errors.add(new FieldError("inReplyTo", "is no comment on this post-mortem"));
            } else {
                thread = answered.isThread() ? answered
                        : repository.findComment(postMortem.tenantId(), postMortem.id(), answered.inReplyTo())
                                .orElse(answered);
                if (anchor != null && anchorProblem == null && !anchor.equals(thread.anchor())) {
                    errors.add(new FieldError("anchor", "a reply is on its thread's anchor ("
                            + (thread.anchor() == null ? "the whole document" : thread.anchor()) + ")"));
                }
            }
        } else if (anchorProblem == null && !CommentAnchor.isIn(anchor, postMortem.content())) {
            errors.add(new FieldError("anchor", "names no " + (anchor.startsWith("timeline/") ? "timeline event"
                    : "action item") + " of this post-mortem"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant at = now.get();
        Comment comment = new Comment(ids.get(), postMortem.tenantId(), postMortem.id(),
                thread == null ? anchor : thread.anchor(), thread == null ? null : thread.id(), actor.id(), body, at,
                at, false, null, null);
        repository.insertComment(comment);
        events.accept(new DomainEvent.CommentAdded(comment, actor.id(), at));
        return view(postMortem, comment);
    }

    /**
     * Changes a comment's text (its author only) and, on a thread, whether it is resolved (its
     * author or an editor); {@code null} leaves either as it is.
     */
    public CommentView change(Actor actor, PostMortem postMortem, UUID commentId, String body, Boolean resolved) {
        requireOpen(postMortem);
        Comment comment = find(postMortem, commentId);
        List<FieldError> errors = new ArrayList<>();
        if (body != null) {
            checkBody(body, errors);
        }
        if (resolved != null && !comment.isThread()) {
            errors.add(new FieldError("resolved", "only a thread is resolved: change its first comment ("
                    + comment.inReplyTo() + ")"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (body != null && !body.equals(comment.body()) && !isAuthor(actor, comment)) {
            throw new NotAllowedException("Only its author may change a comment's text.");
        }
        boolean resolving = resolved != null && resolved != comment.resolved();
        if (resolving && !isAuthor(actor, comment) && !AccessRules.isEditor(actor, postMortem)) {
            throw new NotAllowedException("Only the thread's author and the post-mortem's editors may resolve or"
                    + " reopen it.");
        }
        Instant at = now.get();
        Comment changed = comment;
        if (body != null && !body.equals(comment.body())) {
            changed = changed.withBody(body, at);
        }
        if (resolving) {
            changed = changed.withResolved(resolved, actor.id(), at);
        }
        if (changed.equals(comment)) {
            return view(postMortem, comment);
        }
        if (!repository.updateComment(changed)) {
            throw notFound(commentId);
        }
        if (resolving) {
            events.accept(new DomainEvent.ThreadResolved(changed, resolved, actor.id(), at));
        }
        return view(postMortem, changed);
    }

    /** Deletes its author's comment; a thread's first comment only while nobody has answered it. */
    public void delete(Actor actor, PostMortem postMortem, UUID commentId) {
        requireOpen(postMortem);
        Comment comment = find(postMortem, commentId);
        if (!isAuthor(actor, comment)) {
            throw new NotAllowedException("Only its author may delete a comment.");
        }
        if (comment.isThread() && repository.hasReplies(postMortem.tenantId(), postMortem.id(), commentId)) {
            throw new CommentHasRepliesException("Others have answered this comment; edit it instead of deleting"
                    + " their question.");
        }
        if (!repository.deleteComment(postMortem.tenantId(), postMortem.id(), commentId)) {
            throw notFound(commentId);
        }
    }

    private Comment find(PostMortem postMortem, UUID commentId) {
        return repository.findComment(postMortem.tenantId(), postMortem.id(), commentId)
                .orElseThrow(() -> notFound(commentId));
    }

    private static CommentNotFoundException notFound(UUID commentId) {
        return new CommentNotFoundException("No comment " + commentId + " on this post-mortem.");
    }

    private static CommentView view(PostMortem postMortem, Comment comment) {
        return new CommentView(comment, !CommentAnchor.isIn(comment.anchor(), postMortem.content()));
    }

    private static CommentPosition position(Comment comment) {
        return new CommentPosition(comment.createdAt(), comment.id());
    }

    private static boolean isAuthor(Actor actor, Comment comment) {
        return comment.author().toLowerCase(Locale.ROOT).equals(actor.id().toLowerCase(Locale.ROOT));
    }

    // the review is over once published: what was said stays as it was said
    private static void requireOpen(PostMortem postMortem) {
        if (postMortem.status() != PostMortemStatus.DRAFT && postMortem.status() != PostMortemStatus.IN_REVIEW) {
            throw new WorkflowViolationException("The post-mortem is " + postMortem.status()
                    + ": its comments are read-only.", List.of());
        }
    }

    private static void checkBody(String body, List<FieldError> errors) {
        if (body == null || body.isBlank()) {
            errors.add(new FieldError("body", "must not be blank"));
        } else if (body.length() > Limits.COMMENT_BODY) {
            errors.add(new FieldError("body", "must be at most " + Limits.COMMENT_BODY + " characters"));
        } else if (PlainText.problem(body) != null) {
            errors.add(new FieldError("body", PlainText.problem(body)));
        }
    }
}

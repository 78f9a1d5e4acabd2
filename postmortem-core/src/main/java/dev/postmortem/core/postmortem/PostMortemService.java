package dev.postmortem.core.postmortem;

import dev.postmortem.core.access.AccessRules;
import dev.postmortem.core.access.Actor;
import dev.postmortem.core.event.DomainEvent;
import dev.postmortem.core.export.HtmlExporter;
import dev.postmortem.core.export.MarkdownExporter;
import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.ActionItemInput;
import dev.postmortem.core.model.ContentDifference;
import dev.postmortem.core.model.FieldError;
import dev.postmortem.core.model.InvalidInputException;
import dev.postmortem.core.model.Limits;
import dev.postmortem.core.model.PlainText;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemContent;
import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.model.TimelineEvent;
import dev.postmortem.core.model.TimelineEventInput;
import dev.postmortem.core.port.DomainEventPublisher;
import dev.postmortem.core.port.IdGenerator;
import dev.postmortem.core.template.BuiltInTemplates;
import dev.postmortem.core.template.Template;
import dev.postmortem.core.template.TemplateCatalog;
import dev.postmortem.core.workflow.PostMortemStatus;
import dev.postmortem.core.workflow.StatusWorkflow;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The use cases of post-mortems. Each call takes the {@link Actor} making it, is scoped to the
 * actor's tenant, and either changes one post-mortem completely (one repository write) or not
 * at all. Hidden and missing post-mortems both answer {@link PostMortemNotFoundException}.
 *
 * <p>Writes take an {@link ExpectedVersion}: with a version, a stale caller gets a
 * {@link VersionConflictException}; with {@link ExpectedVersion#any()} the change waits for
 * other writers of the same post-mortem and applies to the latest document. Replacing a whole
 * list needs a version ({@link VersionRequiredException}): applied to a newer document it would
 * drop what another writer added meanwhile.
 */
public final class PostMortemService {

    /** The MDC key under which the HTTP layer names the request being answered. */
    public static final String REQUEST_ID_MDC_KEY = "requestId";

    private static final Logger LOG = LoggerFactory.getLogger(PostMortemService.class);

    private final PostMortemRepository repository;
    private final TemplateCatalog templates;
    private final Clock clock;
    private final DomainEventPublisher events;
    private final IdGenerator ids;
    private final StatusWorkflow workflow;
    private final InputValidator validator = new InputValidator();
    private final ContentAssembler assembler;
    private final MarkdownExporter markdown = new MarkdownExporter();
    private final HtmlExporter html = new HtmlExporter(markdown);

    private PostMortemService(Builder builder) {
        this.repository = builder.repository;
        List<TemplateCatalog> catalogs = new ArrayList<>(builder.templates);
        catalogs.add(new BuiltInTemplates());
        this.templates = TemplateCatalog.combine(catalogs);
        this.clock = builder.clock;
        this.events = builder.events;
        this.workflow = builder.workflow;
        this.ids = builder.ids;
        this.assembler = new ContentAssembler(builder.ids);
    }

    public static Builder builder(PostMortemRepository repository) {
        return new Builder(repository);
    }

    public StatusWorkflow workflow() {
        return workflow;
    }

    // ---------------------------------------------------------------- create and read

    public PostMortem create(Actor actor, CreatePostMortemCommand command) {
        Objects.requireNonNull(actor, "actor");
        Instant now = now();
        Template template = command.templateId() == null ? null : templates.find(command.templateId())
                .orElseThrow(() -> InvalidInputException.of("templateId", "no template with this id; known: "
                        + String.join(", ", TemplateFiller.ids(templates.all()))));
        PostMortemInput input = validator.check(
                TemplateFiller.fill(command, template, LocalDate.ofInstant(now, ZoneOffset.UTC)));
        PostMortemContent content = assembler.assemble(input, null);
        PostMortemStatus status = command.status() == null ? PostMortemStatus.DRAFT : command.status();
        PostMortem created = PostMortem.start(ids.newId(), actor.tenantId(), command.templateId(), content, status,
                workflow, actor.id(), now);
        repository.insert(created);
        publish(new DomainEvent.PostMortemCreated(created, actor.id(), now));
        return created;
    }

    public PostMortem get(Actor actor, UUID id) {
        return loadVisible(actor, id);
    }

    public PostMortemList list(Actor actor, ListPostMortemsQuery query) {
        int limit = query.limit() == null ? ListPostMortemsQuery.DEFAULT_LIMIT : query.limit();
        List<FieldError> errors = new ArrayList<>();
        if (limit < 1 || limit > ListPostMortemsQuery.MAX_LIMIT) {
            errors.add(new FieldError("limit", "must be between 1 and " + ListPostMortemsQuery.MAX_LIMIT));
        }
        checkQueryText("q", query.q(), Limits.SEARCH_TEXT, errors);
        checkQueryText("incidentId", query.incidentId(), Limits.INCIDENT_ID, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ListPosition after = query.cursor() == null || query.cursor().isEmpty() ? null : ListCursor.decode(query.cursor());
        String text = query.q() == null || query.q().isBlank() ? null : query.q().strip();
        String incidentId = query.incidentId() == null || query.incidentId().isBlank() ? null : query.incidentId();
        PostMortemPage page = repository.list(new PostMortemQuery(actor, query.statuses(), incidentId, text, limit,
                after));
        return new PostMortemList(page.items(), page.next() == null ? null : ListCursor.encode(page.next()));
    }

    private static void checkQueryText(String name, String value, int maxLength, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        if (value.length() > maxLength) {
            errors.add(new FieldError(name, "must be at most " + maxLength + " characters"));
        }
        String problem = PlainText.problem(value);
        if (problem != null) {
            errors.add(new FieldError(name, problem));
        }
    }

    public String exportMarkdown(Actor actor, UUID id) {
        return markdown.export(loadVisible(actor, id));
    }

    /** The Markdown export rendered as a safe HTML fragment. */
    public String exportHtml(Actor actor, UUID id) {
        return html.export(loadVisible(actor, id));
    }

    /**
     * The statuses {@code actor} may move {@code postMortem} to now: none unless the actor is
     * an editor; otherwise the workflow's next steps, without ARCHIVED while items are open.
     * What a client offers as buttons.
     */
    public List<PostMortemStatus> allowedTransitions(Actor actor, PostMortem postMortem) {
        return AccessRules.isEditor(actor, postMortem) ? postMortem.possibleTransitions(workflow) : List.of();
    }

    public List<Template> templates() {
        return templates.all();
    }

    public Optional<Template> template(String templateId) {
        return templates.find(templateId);
    }

    // ---------------------------------------------------------------- whole-document writes

    /** Merges {@code changes} into the post-mortem, then performs their status transition, if any. */
    public PostMortem update(Actor actor, UUID id, PostMortemChanges changes, ExpectedVersion expected) {
        if (expected.isAny() && !changes.replacedLists().isEmpty()) {
            throw new VersionRequiredException(changes.replacedLists());
        }
        return modify(actor, id, expected, current -> {
            PostMortem result = current;
            if (changes.changesContent()) {
                result = applyContent(actor, result, changes.applyTo(PostMortemInput.from(result.content())));
            }
            Optional<PostMortemStatus> target = changes.status();
            if (target.isPresent() && target.get() != result.status()) {
                result = transition(actor, result, target.get());
            }
            return result;
        });
    }

    public PostMortem transition(Actor actor, UUID id, PostMortemStatus target, ExpectedVersion expected) {
        return modify(actor, id, expected, current -> transition(actor, current, target));
    }

    /** Only DRAFT and IN_REVIEW post-mortems can be deleted; published ones are archived. */
    public void delete(Actor actor, UUID id, ExpectedVersion expected) {
        Objects.requireNonNull(actor, "actor");
        boolean existed = repository.delete(actor.tenantId(), id, current -> {
            visibleTo(actor, current);
            requireEditor(actor, current, "delete it");
            current.checkDeletable();
            requireVersion(expected, current);
        });
        if (!existed) {
            throw notFound(id);
        }
        publish(new DomainEvent.PostMortemDeleted(id, actor.tenantId(), actor.id(), now()));
    }

    // ---------------------------------------------------------------- timeline builder

    public Added<TimelineEvent> addTimelineEvent(Actor actor, UUID id, TimelineEventInput event,
                                                 ExpectedVersion expected) {
        TimelineEventInput checked = validator.check(requireNoId(event.id(), event));
        AtomicReference<PostMortem> before = new AtomicReference<>();
        PostMortem stored = modify(actor, id, expected, current -> {
            before.set(current);
            PostMortemInput input = PostMortemInput.from(current.content());
            List<TimelineEventInput> timeline = new ArrayList<>(input.timeline());
            timeline.add(checked);
            return applyContent(actor, current, withTimeline(input, timeline));
        });
        // The timeline is kept sorted, so the new event is the one the previous version lacked.
        TimelineEvent added = stored.content().timeline().stream()
                .filter(e -> before.get().timelineEvent(e.id()).isEmpty())
                .findFirst().orElseThrow();
        return new Added<>(stored, added);
    }

    public PostMortem editTimelineEvent(Actor actor, UUID id, UUID eventId, TimelineEventChanges changes,
                                        ExpectedVersion expected) {
        return modify(actor, id, expected, current -> {
            PostMortemInput input = PostMortemInput.from(current.content());
            List<TimelineEventInput> timeline = new ArrayList<>(input.timeline());
            int index = indexOf(timeline, TimelineEventInput::id, eventId, "timeline event");
            timeline.set(index, validator.check(changes.applyTo(timeline.get(index))));
            return applyContent(actor, current, withTimeline(input, timeline));
        });
    }

    public PostMortem removeTimelineEvent(Actor actor, UUID id, UUID eventId, ExpectedVersion expected) {
        return modify(actor, id, expected, current -> {
            PostMortemInput input = PostMortemInput.from(current.content());
            List<TimelineEventInput> timeline = new ArrayList<>(input.timeline());
            timeline.remove(indexOf(timeline, TimelineEventInput::id, eventId, "timeline event"));
            return applyContent(actor, current, withTimeline(input, timeline));
        });
    }

    // ---------------------------------------------------------------- action items

    public Added<ActionItem> addActionItem(Actor actor, UUID id, ActionItemInput item, ExpectedVersion expected) {
        ActionItemInput checked = validator.check(requireNoId(item.id(), item));
        PostMortem stored = modify(actor, id, expected, current -> {
            PostMortemInput input = PostMortemInput.from(current.content());
            List<ActionItemInput> items = new ArrayList<>(input.actionItems());
            items.add(checked);
            return applyContent(actor, current, withActionItems(input, items));
        });
        return new Added<>(stored, stored.content().actionItems().get(stored.content().actionItems().size() - 1));
    }

    /** Editors may change anything; an item's owner may change its status, also when PUBLISHED. */
    public PostMortem editActionItem(Actor actor, UUID id, UUID itemId, ActionItemChanges changes,
                                     ExpectedVersion expected) {
        return modify(actor, id, expected, current -> {
            PostMortemInput input = PostMortemInput.from(current.content());
            List<ActionItemInput> items = new ArrayList<>(input.actionItems());
            int index = indexOf(items, ActionItemInput::id, itemId, "action item");
            items.set(index, validator.check(changes.applyTo(items.get(index))));
            return applyContent(actor, current, withActionItems(input, items));
        });
    }

    public PostMortem removeActionItem(Actor actor, UUID id, UUID itemId, ExpectedVersion expected) {
        return modify(actor, id, expected, current -> {
            PostMortemInput input = PostMortemInput.from(current.content());
            List<ActionItemInput> items = new ArrayList<>(input.actionItems());
            items.remove(indexOf(items, ActionItemInput::id, itemId, "action item"));
            return applyContent(actor, current, withActionItems(input, items));
        });
    }

    // ---------------------------------------------------------------- the one write path

    /**
     * Load, check the expected version, apply, store, publish: every write but create and
     * delete goes through here, so every one gets the same visibility, concurrency and event
     * behaviour. The repository holds the post-mortem against other writers from the load to
     * the store, so a change without a version applies to the latest document and never races.
     */
    private PostMortem modify(Actor actor, UUID id, ExpectedVersion expected, UnaryOperator<PostMortem> change) {
        Objects.requireNonNull(actor, "actor");
        AtomicReference<PostMortem> before = new AtomicReference<>();
        PostMortem stored = repository.update(actor.tenantId(), id, current -> {
            visibleTo(actor, current);
            requireVersion(expected, current);
            before.set(current);
            PostMortem changed = change.apply(current);
            return changed.equals(current) ? current : changed; // nothing to store: no new version, no events
        }).orElseThrow(() -> notFound(id));
        if (stored.version() != before.get().version()) {
            publishChanges(actor, before.get(), stored);
        }
        return stored;
    }

    private static void requireVersion(ExpectedVersion expected, PostMortem current) {
        if (!expected.matches(current.version())) {
            throw new VersionConflictException(current.id(), expected.value());
        }
    }

    private PostMortem applyContent(Actor actor, PostMortem current, PostMortemInput input) {
        PostMortemContent content = assembler.assemble(validator.check(input), current.content());
        ContentDifference difference = ContentDifference.between(current.content(), content);
        if (difference.isEmpty()) {
            return current;
        }
        if (!AccessRules.mayMake(actor, current, difference)) {
            throw new AccessDeniedException("Only the creator, contributors and admins may edit this"
                    + " post-mortem; an action item's owner may change only that item's status.");
        }
        return current.edit(content, now());
    }

    private PostMortem transition(Actor actor, PostMortem current, PostMortemStatus target) {
        requireEditor(actor, current, "change its status");
        return current.transitionTo(target, workflow, actor.id(), now());
    }

    private PostMortem loadVisible(Actor actor, UUID id) {
        Objects.requireNonNull(actor, "actor");
        return repository.find(actor.tenantId(), id)
                .filter(postMortem -> AccessRules.canSee(actor, postMortem))
                .orElseThrow(() -> notFound(id));
    }

    /** Hidden is answered exactly as missing, so that nobody learns what they may not see. */
    private static void visibleTo(Actor actor, PostMortem postMortem) {
        if (!AccessRules.canSee(actor, postMortem)) {
            throw notFound(postMortem.id());
        }
    }

    private static PostMortemNotFoundException notFound(UUID id) {
        return new PostMortemNotFoundException("No post-mortem " + id + ".");
    }

    private static void requireEditor(Actor actor, PostMortem postMortem, String what) {
        if (!AccessRules.isEditor(actor, postMortem)) {
            throw new AccessDeniedException("Only the creator, contributors and admins may " + what + ".");
        }
    }

    private void publishChanges(Actor actor, PostMortem before, PostMortem after) {
        Instant at = after.updatedAt();
        ContentDifference difference = ContentDifference.between(before.content(), after.content());
        if (!difference.isEmpty()) {
            publish(new DomainEvent.PostMortemUpdated(after, difference.changedFields(), actor.id(), at));
        }
        Map<UUID, ActionItem> old = new HashMap<>();
        before.content().actionItems().forEach(item -> old.put(item.id(), item));
        for (ActionItem item : after.content().actionItems()) {
            ActionItem previous = old.remove(item.id());
            if (!item.equals(previous)) {
                publish(new DomainEvent.ActionItemChanged(after.id(), after.tenantId(), previous, item,
                        actor.id(), at));
            }
        }
        old.values().forEach(removed -> publish(
                new DomainEvent.ActionItemChanged(after.id(), after.tenantId(), removed, null, actor.id(), at)));
        if (before.status() != after.status()) {
            publish(new DomainEvent.StatusChanged(after, before.status(), after.status(), actor.id(), at));
        }
    }

    /**
     * Hands one event to the host. The change it reports is stored already, so a listener that
     * fails must not turn the answer into an error (which invites a duplicate retry): the
     * failure is logged, with the request id the HTTP layer put in the MDC, and the next
     * event still goes out.
     */
    private void publish(DomainEvent event) {
        try {
            events.publish(event);
        } catch (RuntimeException e) {
            String requestId = MDC.get(REQUEST_ID_MDC_KEY);
            LOG.error("A domain event listener failed on {} of post-mortem {}{}; the change it reports is stored",
                    event.getClass().getSimpleName(), event.postMortemId(),
                    requestId == null ? "" : " (request " + requestId + ")", e);
        }
    }

    // ---------------------------------------------------------------- small pieces

    /**
     * Storage keeps microseconds (PostgreSQL's timestamp precision); truncating here makes what
     * a use case returns equal to what a later read returns.
     */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static <T> T requireNoId(UUID id, T input) {
        if (id != null) {
            throw InvalidInputException.of("id", "is assigned by the server; leave it out");
        }
        return input;
    }

    private static <T> int indexOf(List<T> elements, Function<T, UUID> id, UUID wanted,
                                   String what) {
        for (int i = 0; i < elements.size(); i++) {
            if (wanted.equals(id.apply(elements.get(i)))) {
                return i;
            }
        }
        throw new PostMortemNotFoundException("No " + what + " " + wanted + " in this post-mortem.");
    }

    private static PostMortemInput withTimeline(PostMortemInput input, List<TimelineEventInput> timeline) {
        return new PostMortemInput(input.incidentId(), input.title(), input.summary(), input.impact(),
                input.rootCause(), timeline, input.actionItems(), input.contributors());
    }

    private static PostMortemInput withActionItems(PostMortemInput input, List<ActionItemInput> items) {
        return new PostMortemInput(input.incidentId(), input.title(), input.summary(), input.impact(),
                input.rootCause(), input.timeline(), items, input.contributors());
    }

    /** Wires the service from its ports; only the repository is required. */
    public static final class Builder {
        private final PostMortemRepository repository;
        private final List<TemplateCatalog> templates = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private IdGenerator ids = IdGenerator.timeOrdered();
        private DomainEventPublisher events = DomainEventPublisher.none();
        private StatusWorkflow workflow = StatusWorkflow.reviewRequired();

        private Builder(PostMortemRepository repository) {
            this.repository = Objects.requireNonNull(repository, "repository");
        }

        /** Adds the host's templates; they come before the built-ins and replace any with the same id. */
        public Builder templates(TemplateCatalog hostTemplates) {
            templates.add(Objects.requireNonNull(hostTemplates, "hostTemplates"));
            return this;
        }

        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Builder idGenerator(IdGenerator value) {
            ids = Objects.requireNonNull(value, "idGenerator");
            return this;
        }

        public Builder events(DomainEventPublisher value) {
            events = Objects.requireNonNull(value, "events");
            return this;
        }

        /** Whether a draft must pass review before it is published (the default) or may be published directly. */
        public Builder requireReview(boolean required) {
            workflow = StatusWorkflow.of(required);
            return this;
        }

        public PostMortemService build() {
            return new PostMortemService(this);
        }
    }
}

package dev.postmortem.core.postmortem;

import dev.postmortem.core.access.AccessRules;
import dev.postmortem.core.access.Actor;
import dev.postmortem.core.access.AllowedEdits;
import dev.postmortem.core.access.NotAllowedException;
import dev.postmortem.core.classification.Category;
import dev.postmortem.core.classification.CategoryCatalog;
import dev.postmortem.core.classification.ListFilters;
import dev.postmortem.core.event.DomainEvent;
import dev.postmortem.core.export.HtmlExporter;
import dev.postmortem.core.export.MarkdownExporter;
import dev.postmortem.core.followup.ActionItemRepository;
import dev.postmortem.core.followup.FollowUpService;
import dev.postmortem.core.followup.TenantTimeZones;
import dev.postmortem.core.history.HistoryPage;
import dev.postmortem.core.history.HistoryRepository;
import dev.postmortem.core.history.VersionHistory;
import dev.postmortem.core.incident.Incident;
import dev.postmortem.core.incident.IncidentCatalog;
import dev.postmortem.core.insight.InsightGrouping;
import dev.postmortem.core.insight.InsightQuery;
import dev.postmortem.core.insight.InsightRepository;
import dev.postmortem.core.insight.Insights;
import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.ActionItemInput;
import dev.postmortem.core.model.Approval;
import dev.postmortem.core.model.ContentDifference;
import dev.postmortem.core.model.ElementInput;
import dev.postmortem.core.model.ElementList;
import dev.postmortem.core.model.FieldError;
import dev.postmortem.core.model.InvalidInputException;
import dev.postmortem.core.model.Limits;
import dev.postmortem.core.model.PlainText;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemContent;
import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.model.Tags;
import dev.postmortem.core.model.TimelineEvent;
import dev.postmortem.core.model.TimelineEventInput;
import dev.postmortem.core.port.DomainEventPublisher;
import dev.postmortem.core.port.IdGenerator;
import dev.postmortem.core.port.UseCaseTimer;
import dev.postmortem.core.review.ApprovalPolicy;
import dev.postmortem.core.review.ApprovalsMissingException;
import dev.postmortem.core.review.CommentHasRepliesException;
import dev.postmortem.core.review.CommentNotFoundException;
import dev.postmortem.core.review.CommentPage;
import dev.postmortem.core.review.CommentRepository;
import dev.postmortem.core.review.CommentView;
import dev.postmortem.core.review.NotReadyException;
import dev.postmortem.core.review.Readiness;
import dev.postmortem.core.review.ReadinessCheck;
import dev.postmortem.core.review.ReviewComments;
import dev.postmortem.core.template.BuiltInTemplates;
import dev.postmortem.core.template.Template;
import dev.postmortem.core.template.TemplateCatalog;
import dev.postmortem.core.template.TemplateHints;
import dev.postmortem.core.workflow.PostMortemStatus;
import dev.postmortem.core.workflow.StatusWorkflow;
import dev.postmortem.core.workflow.WorkflowViolationException;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Supplier;
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
    private final IncidentCatalog incidents;
    private final TenantTimeZones timeZones;
    private final FollowUpService followUp;
    private final Clock clock;
    private final DomainEventPublisher events;
    private final IdGenerator ids;
    private final StatusWorkflow workflow;
    private final UseCaseTimer timer;
    private final ReadinessCheck readiness;
    private final ReviewComments comments;
    private final VersionHistory history;
    private final InsightRepository insights;
    private final ApprovalPolicy approvalPolicy;
    private final CategoryCatalog categories;
    private final InputValidator validator = new InputValidator();
    private final MarkdownExporter markdown = new MarkdownExporter();
    private final HtmlExporter html = new HtmlExporter(markdown);

    private PostMortemService(Builder builder) {
        this.repository = builder.repository;
        List<TemplateCatalog> catalogs = new ArrayList<>(builder.templates);
        catalogs.add(new BuiltInTemplates());
        this.templates = TemplateCatalog.combine(catalogs);
        this.incidents = builder.incidents;
        this.timeZones = builder.timeZones;
        // a repository that answers questions across post-mortems also serves the follow-up
        this.followUp = builder.repository instanceof ActionItemRepository items
                ? FollowUpService.builder(items).clock(builder.clock).events(builder.events).useCaseTimer(builder.timer)
                        .timeZones(builder.timeZones).reminderLeadDays(builder.reminderLeadDays).build()
                : null;
        this.clock = builder.clock;
        this.events = builder.events;
        this.workflow = builder.workflow;
        this.ids = builder.ids;
        this.timer = builder.timer;
        this.readiness = builder.readiness;
        // a repository that keeps comments beside the post-mortems serves the review's threads
        this.comments = builder.repository instanceof CommentRepository kept
                ? new ReviewComments(kept, this::now, ids::newId, this::publish) : null;
        this.history = builder.repository instanceof HistoryRepository kept ? new VersionHistory(kept) : null;
        this.insights = builder.repository instanceof InsightRepository figures ? figures : null;
        this.approvalPolicy = builder.approvalPolicy;
        this.categories = builder.categories;
    }

    public static Builder builder(PostMortemRepository repository) {
        return new Builder(repository);
    }

    public StatusWorkflow workflow() {
        return workflow;
    }

    // ---------------------------------------------------------------- create and read

    /**
     * Starts a post-mortem from {@code input}, filled from its incident (when the host has an
     * incident catalog) and its template where the author left fields absent. Its status is
     * DRAFT unless the input asks for IN_REVIEW.
     */
    public PostMortem create(Actor actor, PostMortemInput input) {
        return timed("create", () -> {
            Objects.requireNonNull(actor, "actor");
            Instant now = now();
            String templateId = input.templateId().value();
            Template template = templateId == null ? null : templates.find(templateId)
                    .orElseThrow(() -> InvalidInputException.of("templateId", "no template with this id; known: "
                            + String.join(", ", TemplateFiller.ids(templates.all()))));
            Incident incident = catalogIncident(actor, input.incidentId().value());
            PostMortemInput whole = validator.check(TemplateFiller.fill(input, template, incident, now).whole());
            checkCategory(whole);
            PostMortemContent content = PostMortemContent.of(whole, ids::newId);
            PostMortemStatus status = input.status().value() == null ? PostMortemStatus.DRAFT : input.status().value();
            PostMortem created = PostMortem.start(ids.newId(), actor.tenantId(), templateId, content, status,
                    workflow, actor.id(), now);
            requireReady(created);
            repository.insert(created);
            publish(new DomainEvent.PostMortemCreated(created, actor.id(), now));
            return created;
        });
    }

    // With a catalog the incident must be one the actor can see there; without, the id is free text.
    private Incident catalogIncident(Actor actor, String incidentId) {
        if (incidents == null || incidentId == null || incidentId.isBlank()
                || incidentId.strip().length() > Limits.INCIDENT_ID) {
            return null;
        }
        return incidents.find(actor, incidentId.strip()).orElseThrow(() -> InvalidInputException.of("incidentId",
                "no incident with this id in the incident catalog"));
    }

    // ---------------------------------------------------------------- incidents

    /** Whether the host has an incident catalog; without one an incident id is free text. */
    public boolean hasIncidentCatalog() {
        return incidents != null;
    }

    /** Incidents of the host's catalog that match {@code text}; empty without a catalog. */
    public List<Incident> searchIncidents(Actor actor, String text, Integer limit) {
        return timed("search-incidents", () -> {
            int max = limit == null ? ListPostMortemsQuery.DEFAULT_LIMIT : limit;
            List<FieldError> errors = new ArrayList<>();
            checkLimit(max, errors);
            checkQueryText("q", text, Limits.SEARCH_TEXT, errors);
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            if (incidents == null) {
                return List.of();
            }
            List<Incident> found = incidents.search(actor, text == null ? "" : text.strip(), max);
            return found.size() > max ? found.subList(0, max) : found;
        });
    }

    /**
     * The incident {@code incidentId} with the post-mortems written for it that {@code actor}
     * may see, newest first; empty when there is no catalog or the actor cannot see it there.
     */
    public Optional<IncidentPostMortems> incident(Actor actor, String incidentId) {
        return timed("get-incident", () -> {
            if (incidents == null || incidentId == null || incidentId.length() > Limits.INCIDENT_ID) {
                return Optional.<IncidentPostMortems>empty();
            }
            return incidents.find(actor, incidentId).map(incident -> new IncidentPostMortems(incident,
                    repository.list(new PostMortemQuery(actor, Set.of(), incident.id(), null,
                            ListPostMortemsQuery.MAX_LIMIT, null, today(actor))).items()));
        });
    }

    /** Whether review comments are kept: the repository is also a {@link CommentRepository}. */
    public boolean hasComments() {
        return comments != null;
    }

    /** A page of the post-mortem's review comments, oldest first; see {@link ReviewComments}. */
    public CommentPage comments(Actor actor, UUID id, Integer limit, String cursor) {
        return timed("list-comments", () -> {
            checkLimit(limit);
            return reviewComments().list(loadVisible(actor, id), limit, cursor);
        });
    }

    /** One review comment of the post-mortem. */
    public CommentView comment(Actor actor, UUID id, UUID commentId) {
        return timed("get-comment", () -> reviewComments().get(loadVisible(actor, id), commentId));
    }

    /**
     * Adds the caller's comment on {@code anchor} ({@code null}: the whole), or a reply to
     * {@code inReplyTo}'s thread.
     */
    public CommentView addComment(Actor actor, UUID id, String body, String anchor, UUID inReplyTo) {
        return timed("add-comment", () -> reviewComments().add(actor, loadVisible(actor, id), body, anchor,
                inReplyTo));
    }

    /** Changes a comment's text and, on a thread, whether it is resolved; {@code null} leaves either as it is. */
    public CommentView changeComment(Actor actor, UUID id, UUID commentId, String body, Boolean resolved) {
        return timed("change-comment", () -> reviewComments().change(actor, loadVisible(actor, id), commentId, body,
                resolved));
    }

    public void deleteComment(Actor actor, UUID id, UUID commentId) {
        timed("delete-comment", () -> {
            reviewComments().delete(actor, loadVisible(actor, id), commentId);
            return null;
        });
    }

    private ReviewComments reviewComments() {
        if (comments == null) {
            throw new IllegalStateException(
                    "The post-mortem repository keeps no comments (it is no CommentRepository)");
        }
        return comments;
    }

    /** Whether each post-mortem's history is kept: the repository is also a {@link HistoryRepository}. */
    public boolean hasHistory() {
        return history != null;
    }

    /** A page of the post-mortem's history, oldest first; see {@link VersionHistory}. */
    public HistoryPage history(Actor actor, UUID id, Integer limit, String cursor) {
        return timed("history", () -> {
            if (history == null) {
                throw new IllegalStateException(
                        "The post-mortem repository keeps no history (it is no HistoryRepository)");
            }
            checkLimit(limit);
            return history.page(loadVisible(actor, id), limit, cursor);
        });
    }

    /** Whether figures across post-mortems are computed: the repository is also an {@link InsightRepository}. */
    public boolean hasInsights() {
        return insights != null;
    }

    /**
     * The figures of the post-mortems {@code actor} may see whose day is in the filters' range
     * (by default the twelve months up to the tenant's today), grouped by {@code groupBy}.
     */
    public Insights insights(Actor actor, InsightGrouping groupBy, ListFilters filters) {
        return timed("insights", () -> {
            if (insights == null) {
                throw new IllegalStateException(
                        "The post-mortem repository computes no insights (it is no InsightRepository)");
            }
            List<FieldError> errors = new ArrayList<>();
            ListFilters checked = checkFilters(filters, errors);
            LocalDate today = today(actor);
            LocalDate to = checked.to() != null ? checked.to() : today;
            LocalDate from = checked.from() != null ? checked.from() : to.minusYears(1).plusDays(1);
            if (from.isAfter(to)) {
                if (errors.stream().noneMatch(error -> error.field().equals("to"))) { // else both given, said
                    errors.add(new FieldError("from", "must not be after to (" + to + ")"));
                }
            } else if (from.plusYears(MAX_INSIGHT_YEARS).isBefore(to)) {
                errors.add(new FieldError("to", "must be at most " + MAX_INSIGHT_YEARS + " years after from"));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            return insights.insights(new InsightQuery(actor, from, to, groupBy == null ? InsightGrouping.MONTH : groupBy,
                    new ListFilters(checked.tag(), checked.category(), checked.service(), checked.templateId(), from, to),
                    today));
        });
    }

    /** The longest range of one insights query: ten years of months is 120 groups. */
    public static final int MAX_INSIGHT_YEARS = 10;

    /** What publishing needs besides the workflow and the readiness rules. */
    public ApprovalPolicy approvalPolicy() {
        return approvalPolicy;
    }

    /**
     * Records {@code actor}'s approval of the post-mortem's current version (replacing an earlier
     * one of theirs). Anyone who can see it may approve, except its creator.
     */
    public PostMortem approve(Actor actor, UUID id, ExpectedVersion expected) {
        return timed("approve", () -> {
            PostMortem stored = modify(actor, id, expected, (write, current) -> {
                if (actor.is(current.createdBy())) {
                    throw new AccessDeniedException("The creator of a post-mortem cannot approve it; a reviewer does.");
                }
                if (current.approvals().size() >= Limits.APPROVALS
                        && current.approvals().stream().noneMatch(approval -> actor.is(approval.approvedBy()))) {
                    throw new WorkflowViolationException("The post-mortem has " + Limits.APPROVALS
                            + " approvals, the most it keeps.", List.of());
                }
                return current.approve(actor.id(), now());
            });
            publish(new DomainEvent.PostMortemApproved(stored, actor.id(), stored.updatedAt()));
            return stored;
        });
    }

    /** What the readiness rules find in the post-mortem now; anyone who can see it may ask. */
    public Readiness readiness(Actor actor, UUID id) {
        return timed("readiness", () -> readinessOf(loadVisible(actor, id)));
    }

    public PostMortem get(Actor actor, UUID id) {
        return timed("get", () -> loadVisible(actor, id));
    }

    public PostMortemList list(Actor actor, ListPostMortemsQuery query) {
        return timed("list", () -> {
            int limit = query.limit() == null ? ListPostMortemsQuery.DEFAULT_LIMIT : query.limit();
            List<FieldError> errors = new ArrayList<>();
            checkLimit(limit, errors);
            checkQueryText("q", query.q(), Limits.SEARCH_TEXT, errors);
            checkQueryText("incidentId", query.incidentId(), Limits.INCIDENT_ID, errors);
            ListFilters filters = checkFilters(query.filters(), errors);
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            String text = query.q() == null || query.q().isBlank() ? null : query.q().strip();
            if (query.sort() == ListSort.RELEVANCE && text == null) {
                throw InvalidInputException.of("sort", "relevance ranks the hits of a search; give q as well");
            }
            String cursor = query.cursor() == null || query.cursor().isEmpty() ? null : query.cursor();
            String incidentId = query.incidentId() == null || query.incidentId().isBlank() ? null : query.incidentId();
            if (query.sort() == ListSort.RELEVANCE) {
                int skip = cursor == null ? 0 : ListCursor.decodeSkip(cursor);
                PostMortemPage page = repository.list(new PostMortemQuery(actor, query.statuses(), incidentId, text,
                        limit, null, today(actor), filters, ListSort.RELEVANCE, skip));
                int shown = skip + page.items().size();
                boolean more = page.more() && shown < ListSort.MAX_RELEVANCE_HITS;
                return new PostMortemList(page.items(), more ? ListCursor.encodeSkip(shown) : null);
            }
            ListPosition after = cursor == null ? null : ListCursor.decode(cursor);
            PostMortemPage page = repository.list(new PostMortemQuery(actor, query.statuses(), incidentId, text, limit,
                    after, today(actor), filters));
            return new PostMortemList(page.items(), page.next() == null ? null : ListCursor.encode(page.next()));
        });
    }

    /** A page's size the caller asked for ({@code null}: the list's default) must be one this server serves. */
    private static void checkLimit(Integer limit) {
        List<FieldError> errors = new ArrayList<>();
        checkLimit(limit, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void checkLimit(Integer limit, List<FieldError> errors) {
        if (limit != null && (limit < 1 || limit > ListPostMortemsQuery.MAX_LIMIT)) {
            errors.add(new FieldError("limit", "must be between 1 and " + ListPostMortemsQuery.MAX_LIMIT));
        }
    }

    /** The filters as the repository compares them (a tag normalised), each one checked. */
    private static ListFilters checkFilters(ListFilters filters, List<FieldError> errors) {
        checkQueryText("tag", filters.tag(), Limits.TAG, errors);
        checkQueryText("category", filters.category(), Limits.CATEGORY_ID, errors);
        checkQueryText("service", filters.service(), Limits.SERVICE_NAME, errors);
        checkQueryText("templateId", filters.templateId(), Limits.TEMPLATE_ID, errors);
        if (filters.from() != null && filters.to() != null && filters.from().isAfter(filters.to())) {
            errors.add(new FieldError("to", "must not be before from"));
        }
        String tag = filters.tag() == null || filters.tag().isBlank() ? null : Tags.normalize(filters.tag());
        return new ListFilters(tag, blankToNull(filters.category()), blankToNull(filters.service()),
                blankToNull(filters.templateId()), filters.from(), filters.to());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
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
        return timed("export", () -> markdown.export(loadVisible(actor, id), today(actor)));
    }

    /** The Markdown export rendered as a safe HTML fragment. */
    public String exportHtml(Actor actor, UUID id) {
        return timed("export", () -> html.export(loadVisible(actor, id), today(actor)));
    }

    /** The HTML export as a standalone page. */
    public String exportHtmlPage(Actor actor, UUID id) {
        return timed("export", () -> html.page(loadVisible(actor, id), today(actor)));
    }

    /**
     * Action items across post-mortems and their reminders; empty when the repository cannot
     * answer questions across post-mortems (it does not implement {@link ActionItemRepository}).
     */
    public Optional<FollowUpService> followUp() {
        return Optional.ofNullable(followUp);
    }

    /** Today in {@code actor}'s tenant's zone: the day its action items become overdue on. */
    public LocalDate today(Actor actor) {
        return LocalDate.ofInstant(clock.instant(), timeZones.zoneOf(actor.tenantId()));
    }

    /**
     * The statuses {@code actor} may move {@code postMortem} to now: none unless the actor is
     * an editor; otherwise the workflow's next steps, without ARCHIVED while items are open.
     * What a client offers as buttons.
     */
    public List<PostMortemStatus> allowedTransitions(Actor actor, PostMortem postMortem) {
        return AccessRules.isEditor(actor, postMortem) ? postMortem.possibleTransitions(workflow) : List.of();
    }

    /** What {@code actor} may change in {@code postMortem} now: what a client offers as edits. */
    public AllowedEdits allowedEdits(Actor actor, PostMortem postMortem) {
        return AccessRules.allowedEdits(actor, postMortem);
    }

    /**
     * How many action items, in every tenant, are not DONE and were due before today (UTC): a
     * figure for the operator's metrics, never shown to a user.
     */
    public long overdueActionItems() {
        return timed("count-overdue-action-items",
                () -> repository.countOverdueActionItems(LocalDate.ofInstant(now(), ZoneOffset.UTC)));
    }

    /** The root-cause categories a post-mortem may be classified under. */
    public List<Category> categories() {
        return categories.all();
    }

    // A category is an id of the catalog, so that figures grouped by it add up.
    private void checkCategory(PostMortemInput input) {
        String category = input.category().value();
        if (category != null && !category.isBlank() && categories.find(category).isEmpty()) {
            throw InvalidInputException.of("category", "no category with this id; known: "
                    + String.join(", ", categories.all().stream().map(Category::id).toList()));
        }
    }

    public List<Template> templates() {
        return templates.all();
    }

    public Optional<Template> template(String templateId) {
        return templates.find(templateId);
    }

    // ---------------------------------------------------------------- whole-document writes

    /**
     * Merges {@code input} into the post-mortem (JSON merge patch), then performs its status
     * transition, if any.
     */
    public PostMortem update(Actor actor, UUID id, PostMortemInput input, ExpectedVersion expected) {
        return timed("update", () -> {
            if (input.templateId().isSet()) {
                throw InvalidInputException.of("templateId", "is chosen when the post-mortem is created");
            }
            if (expected.isAny() && !input.replacedLists().isEmpty()) {
                throw new VersionRequiredException(input.replacedLists());
            }
            PostMortemInput checked = validator.check(input);
            checkCategory(checked);
            long openThreads = checked.status().value() == null ? 0 : openThreads(actor, id, checked.status().value());
            return modify(actor, id, expected, (write, current) -> {
                PostMortem result = current;
                if (checked.changesContent()) {
                    result = write.edit(result, result.content().apply(checked, ids::newId));
                }
                PostMortemStatus target = checked.status().value();
                if (target != null && target != result.status()) {
                    result = transition(actor, result, target, openThreads);
                }
                return result;
            });
        });
    }

    public PostMortem transition(Actor actor, UUID id, PostMortemStatus target, ExpectedVersion expected) {
        return timed("transition", () -> {
            long openThreads = openThreads(actor, id, target);
            return modify(actor, id, expected, (write, current) -> transition(actor, current, target, openThreads));
        });
    }

    /** Only DRAFT and IN_REVIEW post-mortems can be deleted; published ones are archived. */
    public void delete(Actor actor, UUID id, ExpectedVersion expected) {
        timed("delete", () -> {
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
            return null;
        });
    }

    // ---------------------------------------------------------------- elements of the lists

    public Added<TimelineEvent> addTimelineEvent(Actor actor, UUID id, TimelineEventInput event,
                                                 ExpectedVersion expected) {
        return addElement(actor, id, ElementList.TIMELINE, event, expected);
    }

    public PostMortem editTimelineEvent(Actor actor, UUID id, UUID eventId, TimelineEventInput changes,
                                        ExpectedVersion expected) {
        return editElement(actor, id, ElementList.TIMELINE, eventId, changes, expected);
    }

    public PostMortem removeTimelineEvent(Actor actor, UUID id, UUID eventId, ExpectedVersion expected) {
        return removeElement(actor, id, ElementList.TIMELINE, eventId, expected);
    }

    public Added<ActionItem> addActionItem(Actor actor, UUID id, ActionItemInput item, ExpectedVersion expected) {
        return addElement(actor, id, ElementList.ACTION_ITEMS, item, expected);
    }

    /** Editors may change anything; an item's owner may change its status, also when PUBLISHED. */
    public PostMortem editActionItem(Actor actor, UUID id, UUID itemId, ActionItemInput changes,
                                     ExpectedVersion expected) {
        return editElement(actor, id, ElementList.ACTION_ITEMS, itemId, changes, expected);
    }

    public PostMortem removeActionItem(Actor actor, UUID id, UUID itemId, ExpectedVersion expected) {
        return removeElement(actor, id, ElementList.ACTION_ITEMS, itemId, expected);
    }

    /** Adds a new element, written whole, to one of the post-mortem's lists. */
    public <E> Added<E> addElement(Actor actor, UUID id, ElementList<E> list, ElementInput<E> input,
                                   ExpectedVersion expected) {
        return timed("add-" + useCaseNoun(list), () -> {
            if (input.id() != null) {
                throw InvalidInputException.of("id", "is assigned by the server; leave it out");
            }
            E element = validator.check(input.whole()).create(ids.newId());
            PostMortem stored = modify(actor, id, expected,
                    (write, current) -> write.edit(current, list.add(current.content(), element)));
            return new Added<>(stored, element);
        });
    }

    /** Changes the fields {@code changes} sets of one element. */
    public <E> PostMortem editElement(Actor actor, UUID id, ElementList<E> list, UUID elementId,
                                      ElementInput<E> changes, ExpectedVersion expected) {
        return timed("edit-" + useCaseNoun(list), () -> {
            ElementInput<E> checked = validator.check(changes);
            return modify(actor, id, expected, (write, current) -> write.edit(current,
                    list.edit(current.content(), elementId, checked::applyTo)
                            .orElseThrow(() -> elementNotFound(list, elementId))));
        });
    }

    public <E> PostMortem removeElement(Actor actor, UUID id, ElementList<E> list, UUID elementId,
                                        ExpectedVersion expected) {
        return timed("remove-" + useCaseNoun(list), () -> {
            return modify(actor, id, expected, (write, current) -> write.edit(current,
                    list.remove(current.content(), elementId).orElseThrow(() -> elementNotFound(list, elementId))));
        });
    }

    /** {@code timeline-event}, {@code action-item}: the element's noun as a use case's name takes it. */
    private static String useCaseNoun(ElementList<?> list) {
        return list.noun().replace(' ', '-');
    }

    /** Runs one use case and tells the {@link UseCaseTimer} how long it took and how it ended. */
    private <T> T timed(String useCase, Supplier<T> work) {
        long start = System.nanoTime();
        UseCaseTimer.Outcome outcome = UseCaseTimer.Outcome.FAILED;
        try {
            T result = work.get();
            outcome = UseCaseTimer.Outcome.SUCCESS;
            return result;
        } catch (InvalidInputException | PostMortemNotFoundException | NotAllowedException
                 | VersionRequiredException | VersionConflictException | WorkflowViolationException
                 | NotReadyException | CommentNotFoundException | CommentHasRepliesException
                 | ApprovalsMissingException refused) {
            outcome = UseCaseTimer.Outcome.REFUSED;
            throw refused;
        } finally {
            timer.record(useCase, outcome, System.nanoTime() - start);
        }
    }

    private static PostMortemNotFoundException elementNotFound(ElementList<?> list, UUID elementId) {
        return new PostMortemNotFoundException("No " + list.noun() + " " + elementId + " in this post-mortem.");
    }

    // ---------------------------------------------------------------- the one write path

    /**
     * Load, check the expected version, apply, store, publish: every write but create and
     * delete goes through here, so every one gets the same visibility, concurrency and event
     * behaviour. The repository holds the post-mortem against other writers from the load to
     * the store, so a change without a version applies to the latest document and never races.
     */
    private PostMortem modify(Actor actor, UUID id, ExpectedVersion expected,
                              BiFunction<Write, PostMortem, PostMortem> change) {
        Objects.requireNonNull(actor, "actor");
        Write write = new Write(actor);
        AtomicReference<PostMortem> before = new AtomicReference<>();
        PostMortem stored = repository.update(actor.tenantId(), id, actor.id(), current -> {
            visibleTo(actor, current);
            requireVersion(expected, current);
            before.set(current);
            PostMortem changed = change.apply(write, current);
            return changed.equals(current) ? current : changed; // nothing to store: no new version, no events
        }).orElseThrow(() -> notFound(id));
        if (stored.version() != before.get().version()) {
            publishChanges(actor, before.get(), stored, write.difference);
        }
        return stored;
    }

    /** One write in progress: its content edit, compared with the stored content once. */
    private final class Write {
        private final Actor actor;
        private ContentDifference difference = ContentDifference.NONE;

        private Write(Actor actor) {
            this.actor = actor;
        }

        PostMortem edit(PostMortem current, PostMortemContent content) {
            difference = ContentDifference.between(current.content(), content);
            if (difference.isEmpty()) {
                return current;
            }
            if (!AccessRules.mayMake(actor, current, difference)) {
                throw new AccessDeniedException("Only the creator, contributors and admins may edit this"
                        + " post-mortem; an action item's owner may change only that item's status.");
            }
            return current.edit(content, now());
        }
    }

    private static void requireVersion(ExpectedVersion expected, PostMortem current) {
        if (!expected.matches(current.version())) {
            throw new VersionConflictException(current.id(), expected.value());
        }
    }

    /** @param openThreads see {@link #openThreads}, counted before the write holds the post-mortem */
    private PostMortem transition(Actor actor, PostMortem current, PostMortemStatus target, long openThreads) {
        requireEditor(actor, current, "change its status");
        PostMortem moved = current.transitionTo(target, workflow, actor.id(), now());
        requireReady(moved);
        if (target == PostMortemStatus.PUBLISHED && current.status() != PostMortemStatus.PUBLISHED) {
            requireApprovals(actor, current, openThreads);
        }
        return moved;
    }

    /**
     * The unresolved threads that keep the post-mortem from {@code target}; counted outside the
     * write, which holds the document's row and must not wait for a second connection.
     */
    private long openThreads(Actor actor, UUID id, PostMortemStatus target) {
        return target == PostMortemStatus.PUBLISHED && approvalPolicy.resolvedThreadsRequired() && comments != null
                ? comments.unresolvedThreads(actor.tenantId(), id) : 0;
    }

    /** Refuses publication until the host's {@link ApprovalPolicy} is met; admins pass when it lets them. */
    private void requireApprovals(Actor actor, PostMortem postMortem, long threads) {
        ApprovalPolicy policy = approvalPolicy;
        if (actor.admin() && policy.adminsMayPublishWithout()) {
            return;
        }
        List<String> current = postMortem.currentApprovals().stream().map(Approval::approvedBy).toList();
        if (current.size() < policy.requiredApprovals() || threads > 0) {
            List<String> stale = postMortem.approvals().stream().filter(postMortem::isStale)
                    .map(Approval::approvedBy).toList();
            throw new ApprovalsMissingException(policy.requiredApprovals(), current, stale, threads);
        }
    }

    /** In review or published, a post-mortem is read by the team: none of the rules' ERRORs may be in it. */
    private void requireReady(PostMortem postMortem) {
        if (postMortem.status() != PostMortemStatus.IN_REVIEW && postMortem.status() != PostMortemStatus.PUBLISHED) {
            return;
        }
        Readiness found = readinessOf(postMortem);
        if (!found.ready()) {
            throw new NotReadyException(found.errors());
        }
    }

    private Readiness readinessOf(PostMortem postMortem) {
        TemplateHints hints = postMortem.templateId() == null ? TemplateHints.NONE
                : templates.find(postMortem.templateId()).map(Template::hints).orElse(TemplateHints.NONE);
        return readiness.check(postMortem, hints);
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

    private void publishChanges(Actor actor, PostMortem before, PostMortem after, ContentDifference difference) {
        Instant at = after.updatedAt();
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

    /** Wires the service from its ports; only the repository is required. */
    public static final class Builder {
        private final PostMortemRepository repository;
        private final List<TemplateCatalog> templates = new ArrayList<>();
        private IncidentCatalog incidents;
        private TenantTimeZones timeZones = TenantTimeZones.utc();
        private int reminderLeadDays;
        private Clock clock = Clock.systemUTC();
        private IdGenerator ids = IdGenerator.timeOrdered();
        private DomainEventPublisher events = DomainEventPublisher.none();
        private StatusWorkflow workflow = StatusWorkflow.reviewRequired();
        private UseCaseTimer timer = UseCaseTimer.none();
        private ReadinessCheck readiness = ReadinessCheck.defaults();
        private ApprovalPolicy approvalPolicy = ApprovalPolicy.NONE;
        private CategoryCatalog categories = CategoryCatalog.builtIn();

        private Builder(PostMortemRepository repository) {
            this.repository = Objects.requireNonNull(repository, "repository");
        }

        /** Adds the host's templates; they come before the built-ins and replace any with the same id. */
        public Builder templates(TemplateCatalog hostTemplates) {
            templates.add(Objects.requireNonNull(hostTemplates, "hostTemplates"));
            return this;
        }

        /** The host's incidents: post-mortems are then written for incidents of this catalog. */
        public Builder incidents(IncidentCatalog catalog) {
            incidents = Objects.requireNonNull(catalog, "incidents");
            return this;
        }

        /** Remind of action items due within this many days, besides overdue ones; default 0. */
        public Builder reminderLeadDays(int days) {
            if (days < 0 || days > 365) {
                throw new IllegalArgumentException("reminderLeadDays must be from 0 to 365");
            }
            reminderLeadDays = days;
            return this;
        }

        /** Where each tenant's day begins, for overdue action items; default: UTC for all. */
        public Builder timeZones(TenantTimeZones value) {
            timeZones = Objects.requireNonNull(value, "timeZones");
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

        /** Where to report how long each use case took; default: nowhere. */
        public Builder useCaseTimer(UseCaseTimer value) {
            timer = Objects.requireNonNull(value, "useCaseTimer");
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

        /**
         * The rules a post-mortem meets before it goes to review or is published; default:
         * {@link ReadinessCheck#defaults()}.
         */
        public Builder readiness(ReadinessCheck value) {
            readiness = Objects.requireNonNull(value, "readiness");
            return this;
        }

        /** What publishing needs besides the workflow and the readiness rules; default: {@link ApprovalPolicy#NONE}. */
        public Builder approvals(ApprovalPolicy value) {
            approvalPolicy = Objects.requireNonNull(value, "approvals");
            return this;
        }

        /** The host's root-cause categories, instead of the built-in ones. */
        public Builder categories(CategoryCatalog value) {
            categories = Objects.requireNonNull(value, "categories");
            return this;
        }

        public PostMortemService build() {
            return new PostMortemService(this);
        }
    }
}

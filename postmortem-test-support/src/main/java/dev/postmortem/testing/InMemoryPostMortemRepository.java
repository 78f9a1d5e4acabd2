package dev.postmortem.testing;

import dev.postmortem.core.access.AccessRules;
import dev.postmortem.core.classification.ListFilters;
import dev.postmortem.core.followup.ActionItemPage;
import dev.postmortem.core.followup.ActionItemPosition;
import dev.postmortem.core.followup.ActionItemQuery;
import dev.postmortem.core.followup.ActionItemRepository;
import dev.postmortem.core.followup.FollowUpItem;
import dev.postmortem.core.history.HistoryEntry;
import dev.postmortem.core.history.HistoryRepository;
import dev.postmortem.core.insight.InsightQuery;
import dev.postmortem.core.insight.InsightRepository;
import dev.postmortem.core.insight.Insights;
import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.model.Comment;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemContent;
import dev.postmortem.core.postmortem.ListPosition;
import dev.postmortem.core.postmortem.ListSort;
import dev.postmortem.core.postmortem.PostMortemPage;
import dev.postmortem.core.postmortem.PostMortemQuery;
import dev.postmortem.core.postmortem.PostMortemRepository;
import dev.postmortem.core.postmortem.PostMortemSummary;
import dev.postmortem.core.review.CommentPosition;
import dev.postmortem.core.review.CommentRepository;
import dev.postmortem.core.search.Highlighter;
import dev.postmortem.core.search.SearchWeight;
import dev.postmortem.core.search.SearchWords;
import dev.postmortem.core.search.SearchableField;
import dev.postmortem.core.search.SearchableText;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The repository port kept in memory: for tests of the core and of hosts, and the reference
 * the storage adapters are held to by {@link PostMortemRepositoryContract}. Values are
 * immutable, so storing them is enough to keep readers and writers apart.
 */
public final class InMemoryPostMortemRepository implements PostMortemRepository, ActionItemRepository,
        CommentRepository, HistoryRepository, InsightRepository {

    /**
     * Databases order UUIDs as unsigned bytes; {@link UUID#compareTo} compares signed longs.
     * Their text form orders like the bytes, so the fake orders by it.
     */
    private static final Comparator<UUID> AS_DATABASES_DO = Comparator.comparing(UUID::toString);

    private static final Comparator<PostMortem> NEWEST_FIRST = Comparator.comparing(PostMortem::createdAt)
            .thenComparing(PostMortem::id, AS_DATABASES_DO).reversed();

    private final Map<UUID, PostMortem> byId = new ConcurrentHashMap<>();
    /** Each post-mortem's history, oldest first; changed only while {@link #byId} holds the id. */
    private final Map<UUID, List<HistoryEntry>> histories = new ConcurrentHashMap<>();
    /** When each action item was created and done, as the JDBC repository keeps them beside the document. */
    private final Map<UUID, InMemoryInsights.ItemTimes> itemTimes = new ConcurrentHashMap<>();

    @Override
    public void insert(PostMortem postMortem) {
        if (byId.putIfAbsent(postMortem.id(), postMortem) != null) {
            throw new IllegalStateException("post-mortem " + postMortem.id() + " exists already");
        }
        trackItems(null, postMortem);
    }

    /** As the JDBC repository's item rows: a new item is created by the write, an item turning DONE done by it. */
    private void trackItems(PostMortem before, PostMortem after) {
        Instant now = after.updatedAt();
        for (ActionItem item : after.content().actionItems()) {
            ActionItem previous = before == null ? null : before.content().actionItems().stream()
                    .filter(old -> old.id().equals(item.id())).findFirst().orElse(null);
            InMemoryInsights.ItemTimes kept = itemTimes.get(item.id());
            Instant created = previous == null || kept == null ? now : kept.createdAt();
            Instant done = !item.isDone() ? null : previous != null && previous.isDone() && kept != null
                    ? kept.doneAt() : now;
            itemTimes.put(item.id(), new InMemoryInsights.ItemTimes(created, done));
        }
    }

    @Override
    public Insights insights(InsightQuery query) {
        List<PostMortem> visible = byId.values().stream()
                .filter(pm -> pm.tenantId().equals(query.viewer().tenantId()))
                .filter(pm -> AccessRules.canSee(query.viewer(), pm))
                .filter(pm -> matches(pm, query.filters()))
                .toList();
        return InMemoryInsights.of(query, visible, itemTimes);
    }

    /** Holds the entry for the change: {@link ConcurrentHashMap#computeIfPresent} blocks other writers of the id. */
    @Override
    public Optional<PostMortem> update(String tenantId, UUID id, String changedBy, UnaryOperator<PostMortem> change) {
        AtomicReference<PostMortem> stored = new AtomicReference<>();
        byId.computeIfPresent(id, (key, current) -> {
            if (!current.tenantId().equals(tenantId)) {
                return current;
            }
            PostMortem changed = change.apply(current);
            if (changed == current) {
                stored.set(current);
                return current;
            }
            stored.set(changed.withVersion(current.version() + 1));
            trackItems(current, stored.get());
            histories.merge(key, List.of(HistoryEntry.of(current, stored.get(), changedBy)),
                    (kept, added) -> Stream.concat(kept.stream(), added.stream()).toList());
            return stored.get();
        });
        return Optional.ofNullable(stored.get());
    }

    @Override
    public Optional<PostMortem> find(String tenantId, UUID id) {
        return Optional.ofNullable(byId.get(id)).filter(pm -> pm.tenantId().equals(tenantId));
    }

    @Override
    public boolean delete(String tenantId, UUID id, Consumer<PostMortem> check) {
        AtomicBoolean found = new AtomicBoolean();
        byId.computeIfPresent(id, (key, current) -> {
            if (!current.tenantId().equals(tenantId)) {
                return current;
            }
            check.accept(current);
            found.set(true);
            comments.values().removeIf(comment -> comment.postMortemId().equals(id));
            histories.remove(id);
            return null;
        });
        return found.get();
    }

    // ---------------------------------------------------------------- comments

    private static final Comparator<Comment> OLDEST_FIRST = Comparator.comparing(Comment::createdAt)
            .thenComparing(Comment::id, AS_DATABASES_DO);

    private final Map<UUID, Comment> comments = new ConcurrentHashMap<>();

    @Override
    public void insertComment(Comment comment) {
        if (!byId.containsKey(comment.postMortemId())) {
            throw new IllegalStateException("no post-mortem " + comment.postMortemId() + " to comment on");
        }
        comments.put(comment.id(), comment);
    }

    @Override
    public Optional<Comment> findComment(String tenantId, UUID postMortemId, UUID commentId) {
        return Optional.ofNullable(comments.get(commentId))
                .filter(comment -> comment.tenantId().equals(tenantId) && comment.postMortemId().equals(postMortemId));
    }

    @Override
    public boolean updateComment(Comment comment) {
        return comments.replace(comment.id(), comment) != null;
    }

    @Override
    public boolean deleteComment(String tenantId, UUID postMortemId, UUID commentId) {
        return findComment(tenantId, postMortemId, commentId).map(found -> comments.remove(commentId) != null)
                .orElse(false);
    }

    @Override
    public boolean hasReplies(String tenantId, UUID postMortemId, UUID commentId) {
        return comments.values().stream().anyMatch(comment -> commentId.equals(comment.inReplyTo())
                && comment.tenantId().equals(tenantId));
    }

    @Override
    public long unresolvedThreads(String tenantId, UUID postMortemId) {
        return comments.values().stream().filter(comment -> comment.tenantId().equals(tenantId)
                && comment.postMortemId().equals(postMortemId) && comment.inReplyTo() == null && !comment.resolved())
                .count();
    }

    // ---------------------------------------------------------------- history

    @Override
    public List<HistoryEntry> history(String tenantId, UUID postMortemId, long afterVersion, int limit) {
        if (find(tenantId, postMortemId).isEmpty()) {
            return List.of();
        }
        return histories.getOrDefault(postMortemId, List.of()).stream()
                .filter(entry -> entry.version() > afterVersion).limit(limit).toList();
    }

    @Override
    public List<Comment> comments(String tenantId, UUID postMortemId, CommentPosition after, int limit) {
        return comments.values().stream()
                .filter(comment -> comment.tenantId().equals(tenantId) && comment.postMortemId().equals(postMortemId))
                .filter(comment -> after == null || OLDEST_FIRST.compare(comment,
                        new Comment(after.id(), tenantId, postMortemId, null, null, "-", "-", after.createdAt(),
                                after.createdAt(), false, null, null)) > 0)
                .sorted(OLDEST_FIRST).limit(limit).toList();
    }

    @Override
    public long countOverdueActionItems(LocalDate today) {
        return byId.values().stream().flatMap(pm -> pm.content().actionItems().stream())
                .filter(item -> item.status() != ActionItemStatus.DONE && item.dueDate() != null
                        && item.dueDate().isBefore(today))
                .count();
    }

    @Override
    public PostMortemPage list(PostMortemQuery query) {
        List<String> words = SearchWords.of(query.text());
        Stream<PostMortem> rows = byId.values().stream()
                .filter(pm -> AccessRules.canSee(query.viewer(), pm))
                .filter(pm -> query.statuses().isEmpty() || query.statuses().contains(pm.status()))
                .filter(pm -> query.incidentId() == null || query.incidentId().equals(pm.content().incidentId()))
                .filter(pm -> words.isEmpty() || score(searchable(pm), words) > 0)
                .filter(pm -> matches(pm, query.filters()))
                .filter(pm -> query.after() == null || isAfter(pm, query.after()))
                .sorted(query.sort() == ListSort.RELEVANCE
                        ? Comparator.comparingInt((PostMortem pm) -> -score(searchable(pm), words))
                                .thenComparing(NEWEST_FIRST)
                        : NEWEST_FIRST);
        List<PostMortem> page = rows.skip(query.skip()).limit(query.limit() + 1L).toList();
        boolean more = page.size() > query.limit();
        List<PostMortemSummary> items = page.stream().limit(query.limit())
                .map(pm -> words.isEmpty() ? summary(pm, query.today()) : summary(pm, query.today())
                        .withHighlight(Highlighter.highlight(words, searchable(pm)).orElse(null)))
                .toList();
        ListPosition next = more && query.sort() == ListSort.NEWEST ? items.get(items.size() - 1).position() : null;
        return new PostMortemPage(items, next, more);
    }

    private List<SearchableField> searchable(PostMortem pm) {
        return SearchableText.of(pm, comments.values().stream().filter(comment -> comment.postMortemId().equals(pm.id()))
                .sorted(Comparator.comparing(Comment::createdAt).thenComparing(Comment::id)).toList());
    }

    /**
     * As H2 scores it ({@link SearchWeight#points()} of each weight a word occurs under), or 0
     * when a word occurs nowhere.
     */
    private static int score(List<SearchableField> fields, List<String> words) {
        int score = 0;
        for (String word : words) {
            Set<SearchWeight> found = EnumSet.noneOf(SearchWeight.class);
            fields.stream().filter(field -> SearchWords.contains(field.text(), word))
                    .forEach(field -> found.add(field.weight()));
            if (found.isEmpty()) {
                return 0;
            }
            score += found.stream().mapToInt(SearchWeight::points).sum();
        }
        return score;
    }

    private static boolean matches(PostMortem pm, ListFilters filters) {
        PostMortemContent content = pm.content();
        LocalDate day = ListFilters.dayOf(content.incidentDate(), pm.createdAt());
        return (filters.tag() == null || content.tags().contains(filters.tag()))
                && (filters.category() == null || filters.category().equals(content.category()))
                && (filters.service() == null || content.impactDetails().servicesAffected().stream()
                        .anyMatch(service -> service.toLowerCase(Locale.ROOT).equals(filters.service())))
                && (filters.templateId() == null || filters.templateId().equals(pm.templateId()))
                && (filters.from() == null || !day.isBefore(filters.from()))
                && (filters.to() == null || !day.isAfter(filters.to()));
    }

    /** Strictly after in newest-first order: older, or as old with a smaller id. */
    private static boolean isAfter(PostMortem pm, ListPosition position) {
        int byTime = pm.createdAt().compareTo(position.createdAt());
        return byTime < 0 || (byTime == 0 && AS_DATABASES_DO.compare(pm.id(), position.id()) < 0);
    }

    static PostMortemSummary summary(PostMortem pm, LocalDate today) {
        List<ActionItem> items = pm.content().actionItems();
        return new PostMortemSummary(pm.id(), pm.content().incidentId(), pm.content().title(), pm.status(),
                pm.templateId(), pm.createdAt(), pm.createdBy(), pm.updatedAt(), pm.publishedAt(), pm.version(),
                new PostMortemSummary.ActionItemCounts(items.size(), (int) items.stream().filter(ActionItem::isDone)
                        .count(), (int) items.stream().filter(item -> item.isOverdue(today)).count()),
                pm.content().tags(), pm.content().category());
    }

    // ------------------------------------------------------------------ action items across post-mortems

    private final Set<String> reminders = ConcurrentHashMap.newKeySet();

    @Override
    public ActionItemPage list(ActionItemQuery query) {
        List<FollowUpItem> rows = byId.values().stream()
                .filter(pm -> pm.tenantId().equals(query.viewer().tenantId()) && AccessRules.canSee(query.viewer(), pm))
                .filter(pm -> query.postMortemStatuses().isEmpty() || query.postMortemStatuses().contains(pm.status()))
                .filter(pm -> query.incidentId() == null || query.incidentId().equals(pm.content().incidentId()))
                .flatMap(pm -> pm.content().actionItems().stream().map(item -> followUp(pm, item)))
                .filter(row -> matches(row.item(), query))
                .sorted(Comparator.comparing(row -> ActionItemPosition.of(row.item()), ActionItemPosition.ORDER))
                .filter(row -> query.after() == null
                        || ActionItemPosition.ORDER.compare(ActionItemPosition.of(row.item()), query.after()) > 0)
                .limit(query.limit() + 1L).toList();
        boolean more = rows.size() > query.limit();
        List<FollowUpItem> page = more ? rows.subList(0, query.limit()) : rows;
        return new ActionItemPage(page, more ? ActionItemPosition.of(page.get(page.size() - 1).item()) : null);
    }

    private static boolean matches(ActionItem item, ActionItemQuery query) {
        return (query.owner() == null || query.owner().equalsIgnoreCase(item.owner()))
                && (query.statuses().isEmpty() || query.statuses().contains(item.status()))
                && (query.priority() == null || query.priority() == item.priority())
                && (query.overdue() == null || query.overdue() == item.isOverdue(query.today()))
                && (query.dueBefore() == null || (item.dueDate() != null && item.dueDate().isBefore(query.dueBefore())))
                && (query.dueAfter() == null || (item.dueDate() != null && item.dueDate().isAfter(query.dueAfter())))
                && (query.text() == null || Arrays.stream(query.text().toLowerCase(Locale.ROOT).split("\\s+"))
                        .allMatch(word -> item.description().toLowerCase(Locale.ROOT).contains(word)));
    }

    private static FollowUpItem followUp(PostMortem pm, ActionItem item) {
        return new FollowUpItem(item, new FollowUpItem.PostMortemRef(pm.id(), pm.content().title(), pm.status(),
                pm.content().incidentId()), pm.tenantId());
    }

    @Override
    public List<FollowUpItem> openItemsDueBefore(LocalDate end) {
        return byId.values().stream().filter(pm -> pm.status() != PostMortemStatus.DRAFT)
                .flatMap(pm -> pm.content().actionItems().stream()
                        .filter(item -> !item.isDone() && item.dueDate() != null && item.dueDate().isBefore(end))
                        .map(item -> followUp(pm, item)))
                .toList();
    }

    @Override
    public boolean recordReminder(UUID itemId, LocalDate day) {
        return reminders.add(itemId + "/" + day);
    }

    public int size() {
        return byId.size();
    }
}

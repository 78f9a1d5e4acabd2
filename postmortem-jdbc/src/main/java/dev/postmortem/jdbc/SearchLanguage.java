package dev.postmortem.jdbc;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text search configuration PostgreSQL's {@code search_words} are written in, as recorded in
 * {@code pm_search_language}: a host that configures another one gets every row indexed again,
 * once, by the first node that starts with it (the others wait on the row and find it done).
 */
final class SearchLanguage {

    private static final Logger LOG = LoggerFactory.getLogger(SearchLanguage.class);

    private SearchLanguage() {
    }

    static void use(Jdbi jdbi, String language) {
        try {
            jdbi.useHandle(handle -> handle.createQuery("SELECT CAST(CAST(:language AS regconfig) AS VARCHAR)")
                    .bind("language", language).mapTo(String.class).one());
        } catch (JdbiException e) {
            throw new IllegalArgumentException("PostgreSQL has no text search configuration \"" + language
                    + "\" (SELECT cfgname FROM pg_ts_config lists those it has)", e);
        }
        jdbi.useTransaction(handle -> {
            if (handle.createQuery("SELECT to_regclass('pm_search_language') IS NULL").mapTo(Boolean.class).one()) {
                return; // the host migrates the schema later; until then there is nothing to index
            }
            String indexed = handle.createQuery("SELECT language FROM pm_search_language FOR UPDATE")
                    .mapTo(String.class).one();
            if (indexed.equals(language)) {
                return;
            }
            LOG.info("indexing every post-mortem for search in \"{}\" (was \"{}\")", language, indexed);
            int rows = handle.createUpdate("UPDATE pm_post_mortem p SET search_words = " + SearchVector.OF_ROW)
                    .bind("searchLanguage", language).execute();
            handle.createUpdate("UPDATE pm_search_language SET language = :language").bind("language", language)
                    .execute();
            LOG.info("indexed {} post-mortem(s) for search in \"{}\"", rows, language);
        });
    }
}

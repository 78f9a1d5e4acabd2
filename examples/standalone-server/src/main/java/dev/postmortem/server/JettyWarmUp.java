package dev.postmortem.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Initializes Jetty's MimeTypes on a thread of its own while the main thread builds the
 * service. Its static initializer (Jetty 12.1) asks the JVM for every available locale, which
 * parses the CLDR's list of some 800 language tags: 0.15 s of the main thread's start-up on a
 * slow two-core machine, spent when Javalin creates its Jetty server. Only the timing changes:
 * if this thread has not finished by then, the main thread waits for the initialization
 * instead of running it.
 */
final class JettyWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(JettyWarmUp.class);
    private static final String MIME_TYPES = "org.eclipse.jetty.http.MimeTypes";

    private JettyWarmUp() {
    }

    static void startInBackground() {
        Thread thread = new Thread(JettyWarmUp::initializeMimeTypes, "postmortem-jetty-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void initializeMimeTypes() {
        try {
            Class.forName(MIME_TYPES, true, JettyWarmUp.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            // A Jetty without the class starts as before, only without the head start.
            LOG.debug("Jetty warm-up skipped: {} is not on the class path", MIME_TYPES);
        } catch (LinkageError e) {
            // The main thread will only see "Could not initialize class" when Jetty needs it;
            // the cause is here, so it is logged here.
            LOG.warn("Jetty's {} failed to initialize", MIME_TYPES, e);
        }
    }
}

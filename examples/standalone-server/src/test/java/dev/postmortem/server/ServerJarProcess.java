package dev.postmortem.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The runnable jar the package phase built, started as a child process for the *IT tests. */
final class ServerJarProcess {

    static final Path JAR = Path.of("target", "postmortem-server.jar");

    private ServerJarProcess() {
    }

    /** Starts {@code java <jvmFlags> -jar JAR} with {@code env} added, its output going to {@code log}. */
    static Process start(List<String> jvmFlags, Map<String, String> env, Path log) throws IOException {
        assertThat(JAR).as("built by the package phase").exists();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    /** The first answer to {@code request} once the server listens; fails when it dies or takes over 60 s. */
    static HttpResponse<String> awaitAnswer(Process server, HttpClient http, HttpRequest request, Path log)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            assertThat(server.isAlive()).as("server running; its output: %s", Files.readString(log)).isTrue();
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        server.destroyForcibly();
        throw new AssertionError("the server did not answer within 60 s; its output is in " + log);
    }
}

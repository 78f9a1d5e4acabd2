package dev.postmortem.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real, small file system (tmpfs) for the disk-full and read-only tests: the database meets
 * the kernel's own ENOSPC and EROFS. Mounting needs root (CI runs as root and sets
 * {@code POSTMORTEM_REQUIRE_DISK_TESTS=true}); elsewhere the tests are skipped with a message.
 */
final class SmallDisk implements AutoCloseable {

    private final Path mountPoint;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    static SmallDisk mountOrSkip(int megabytes) throws IOException, InterruptedException {
        Path mountPoint = Files.createTempDirectory("postmortem-small-disk");
        String failure = run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", mountPoint.toString());
        if (failure != null) {
            String message = "cannot mount a small tmpfs (" + failure + "); skipping the disk-full and read-only"
                    + " tests, which need root.";
            if (Boolean.parseBoolean(System.getenv("POSTMORTEM_REQUIRE_DISK_TESTS"))) {
                throw new IllegalStateException("POSTMORTEM_REQUIRE_DISK_TESTS is set, but " + message);
            }
            System.err.println("[postmortem tests] " + message);
            assumeTrue(false, message);
        }
        return new SmallDisk(mountPoint);
    }

    Path path() {
        return mountPoint;
    }

    /** Fills what is left but {@code keepKilobytes} with a file, {@link #freeFiller()} deletes it. */
    void fillLeaving(long keepKilobytes) throws IOException {
        long free = Files.getFileStore(mountPoint).getUsableSpace() - keepKilobytes * 1024;
        try (var out = Files.newOutputStream(filler())) {
            byte[] block = new byte[64 * 1024];
            for (long written = 0; written + block.length <= free; written += block.length) {
                out.write(block);
            }
        }
    }

    void freeFiller() throws IOException {
        Files.deleteIfExists(filler());
    }

    void remount(boolean readOnly) throws IOException, InterruptedException {
        String failure = run("mount", "-o", "remount," + (readOnly ? "ro" : "rw"), mountPoint.toString());
        if (failure != null) {
            throw new IllegalStateException("cannot remount " + mountPoint + ": " + failure);
        }
    }

    private Path filler() {
        return mountPoint.resolve("filler");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        String failure = run("umount", "-l", mountPoint.toString());
        if (failure != null) {
            throw new IllegalStateException("cannot unmount " + mountPoint + ": " + failure);
        }
        Files.deleteIfExists(mountPoint);
    }

    /** Runs a command; {@code null} when it succeeded, else what it said. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return notInstalled.getMessage();
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return String.join(" ", command) + " did not finish";
        }
        String output = new String(process.getInputStream().readAllBytes()).strip();
        return process.exitValue() == 0 ? null : output.isEmpty() ? "exit " + process.exitValue() : output;
    }
}

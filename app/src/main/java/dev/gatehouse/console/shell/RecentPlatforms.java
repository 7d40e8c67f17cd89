package dev.gatehouse.console.shell;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.gatehouse.api.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The platforms this console signed in to, newest first: URL and operator name only (issue 13). The token is never
 * written here; it lives in the {@link TokenKeychain} or nowhere. Kept in a small JSON file; a file that cannot be
 * read or written only means no list, never a failed sign-in.
 */
public final class RecentPlatforms {
    public static final int KEPT = 8;
    private static final Logger LOG = LoggerFactory.getLogger(RecentPlatforms.class);

    /** One remembered platform. */
    public record Entry(String url, String operatorName, String operatorId) {
        /** "Lena Lead · https://gateway.example.com" */
        public String label() {
            return operatorName + " · " + url;
        }
    }

    private final Path file;

    public RecentPlatforms(Path file) {
        this.file = file;
    }

    /** ~/.gatehouse/recent-platforms.json */
    public static RecentPlatforms inUserHome() {
        return new RecentPlatforms(Path.of(System.getProperty("user.home"), ".gatehouse", "recent-platforms.json"));
    }

    public synchronized List<Entry> list() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<Entry> entries = Json.mapper().readValue(file.toFile(), new TypeReference<List<Entry>>() {});
            return entries.stream().filter(e -> e.url() != null && e.operatorName() != null).limit(KEPT).toList();
        } catch (IOException e) {
            LOG.warn("Cannot read the recent platforms in {}: {}", file, e.getMessage());
            return List.of();
        }
    }

    /** Puts {@code entry} first (once), keeping the newest {@link #KEPT}. */
    public synchronized void remember(Entry entry) {
        List<Entry> entries = new ArrayList<>(list());
        entries.removeIf(e -> e.url().equals(entry.url()) && e.operatorName().equals(entry.operatorName()));
        entries.add(0, entry);
        write(entries.subList(0, Math.min(entries.size(), KEPT)));
    }

    public synchronized void forget(Entry entry) {
        List<Entry> entries = new ArrayList<>(list());
        entries.removeIf(e -> e.url().equals(entry.url()) && e.operatorName().equals(entry.operatorName()));
        write(entries);
    }

    private void write(List<Entry> entries) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Json.mapper().writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), entries);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Cannot keep the recent platforms in {}: {}", file, e.getMessage());
        }
    }
}

package org.ketaminecds.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every pack that went live, kept in the audit database by version (content hash): its decisive files. A
 * decision names its pack version, so {@link #pack(String)} rebuilds the exact rules that made it. Insert only.
 */
@Repository
public class PackArchive {
    private static final int CACHED_PACKS = 4;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, RulePack> cache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RulePack> eldest) {
            return size() > CACHED_PACKS;
        }
    };

    PackArchive(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Archives {@code files} under {@code version} unless it is archived already. Returns false when the files
     * do not hash to {@code version} (they changed on disk since the pack was built): nothing is stored then.
     */
    @Transactional
    public boolean store(String version, String sourceDir, Map<String, byte[]> files) {
        if (!version.equals(RulePackLoader.version(files))) {
            return false;
        }
        if (contains(version)) {
            return true;
        }
        files.forEach((path, content) -> jdbc.update("INSERT INTO rule_pack_file (version, path, content) VALUES (?,?,?)",
                version, path, new String(content, StandardCharsets.UTF_8)));
        jdbc.update("INSERT INTO rule_pack (version, archived_at, source_dir, file_count) VALUES (?,?,?,?)", version,
                Timestamp.from(clock.instant()), sourceDir, files.size());
        return true;
    }

    boolean contains(String version) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM rule_pack WHERE version = ?", Integer.class, version);
        return count != null && count > 0;
    }

    /** The archived files of a version, by relative path; empty when that version was never archived. */
    Optional<Map<String, byte[]>> files(String version) {
        if (!contains(version)) {
            return Optional.empty();
        }
        Map<String, byte[]> files = new TreeMap<>();
        jdbc.query("SELECT path, content FROM rule_pack_file WHERE version = ?", rs -> {
            files.put(rs.getString("path"), rs.getString("content").getBytes(StandardCharsets.UTF_8));
        }, version);
        return Optional.of(files);
    }

    /** The archived pack, rebuilt from its files (a few recent ones are kept compiled). */
    public synchronized Optional<RulePack> pack(String version) {
        RulePack cached = cache.get(version);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<RulePack> pack = files(version).map(files -> build(version, files));
        pack.ifPresent(p -> cache.put(version, p));
        return pack;
    }

    private RulePack build(String version, Map<String, byte[]> files) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("rule-pack-" + version.substring(0, 12));
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path path = dir.resolve(file.getKey()).normalize();
                if (!path.startsWith(dir)) {
                    throw new IllegalStateException("archived path escapes the pack: " + file.getKey());
                }
                Files.createDirectories(path.getParent());
                Files.write(path, file.getValue());
            }
            RulePack pack = new RulePackLoader(clock).load(dir);
            if (!pack.version().equals(version)) {
                throw new IllegalStateException("archived pack " + version + " rebuilt as " + pack.version());
            }
            return pack;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> versions() {
        return jdbc.queryForList("SELECT version FROM rule_pack ORDER BY archived_at", String.class);
    }
}

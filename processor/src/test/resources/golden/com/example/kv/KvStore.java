package com.example.kv;

import dev.witbind.annotations.Borrow;
import dev.witbind.annotations.Unsigned;
import dev.witbind.annotations.WitFunction;
import dev.witbind.annotations.WitInterface;
import dev.witbind.annotations.WitResource;
import dev.witbind.wit.values.Result;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The host side of {@code example:kv/store@1.0.0} ({@code samples/src/main/wit/kv.wit}): records, a variant, an enum,
 * flags, options, results, lists of records, and {@code bucket}, a resource that lives in the host. Guests create
 * buckets, borrow them to the host and give them up; when a guest drops a bucket the host closes it.
 */
@WitInterface("example:kv/store@1.0.0")
public final class KvStore {
    /** A value larger than this is refused with {@link ErrorCode#TOO_LARGE}. */
    static final int MAX_VALUE_BYTES = 1 << 20;

    private final List<String> closed = Collections.synchronizedList(new ArrayList<>());

    /** Why an operation failed: WIT {@code enum error-code}. */
    public enum ErrorCode {
        NOT_FOUND,
        READ_ONLY,
        TOO_LARGE
    }

    /** What a bucket allows: WIT {@code flags permissions}, carried as an {@code EnumSet<Permission>}. */
    public enum Permission {
        READ,
        WRITE,
        ADMIN
    }

    /** WIT {@code record entry}. */
    public record Entry(String key, byte[] value, @Unsigned long version) {}

    /** WIT {@code variant query}: each case is a record; a case with one component carries it as its payload. */
    public sealed interface Query {
        record All() implements Query {}

        record Prefix(String prefix) implements Query {}

        record NewerThan(@Unsigned long version) implements Query {}

        record Keys(List<String> keys) implements Query {}
    }

    /** WIT {@code record stats}. */
    public record Stats(String name, @Unsigned int count, @Unsigned long totalBytes, Optional<Entry> largest,
            EnumSet<Permission> permissions) {}

    /**
     * {@code [static]bucket.open-read-only}: a resource function that needs the store, so it lives here and says
     * which WIT function it is.
     */
    @WitFunction("[static]bucket.open-read-only")
    public Bucket openReadOnly(String name) {
        return new Bucket(name, EnumSet.of(Permission.READ));
    }

    /** Copies every entry of {@code source} into {@code target}; returns how many were copied. */
    public Result<@Unsigned Integer, ErrorCode> copyAll(@Borrow Bucket source, @Borrow Bucket target) {
        if (!target.permissions.contains(Permission.WRITE)) {
            return Result.err(ErrorCode.READ_ONLY);
        }
        for (Entry entry : source.entries.values()) {
            target.put(entry.key(), entry.value());
        }
        return Result.ok(source.entries.size());
    }

    /** Moves every entry of {@code source} into {@code target}; the guest gave up {@code source}, so it is closed. */
    public @Unsigned int merge(@Borrow Bucket target, Bucket source) {
        int moved = source.entries.size();
        for (Entry entry : source.entries.values()) {
            target.put(entry.key(), entry.value());
        }
        source.close();
        return moved;
    }

    /** The number of entries of each bucket, in order. */
    public List<@Unsigned Integer> countAll(List<@Borrow Bucket> buckets) {
        List<Integer> counts = new ArrayList<>(buckets.size());
        for (Bucket bucket : buckets) {
            counts.add(bucket.entries.size());
        }
        return counts;
    }

    /** The names of the buckets closed so far, in order (package-private: public methods are WIT functions). */
    List<String> closedBuckets() {
        synchronized (closed) {
            return List.copyOf(closed);
        }
    }

    /** A named bucket of entries; an inner class, so that it can tell its store when it is closed. */
    @WitResource
    public final class Bucket implements AutoCloseable {
        private final String name;
        private final EnumSet<Permission> permissions;
        private final Map<String, Entry> entries = new LinkedHashMap<>();
        private long lastVersion;
        private boolean isClosed;

        public Bucket(String name, EnumSet<Permission> permissions) {
            this.name = name;
            this.permissions = EnumSet.copyOf(permissions);
        }

        public Result<Optional<byte[]>, ErrorCode> get(String key) {
            if (!permissions.contains(Permission.READ)) {
                return Result.err(ErrorCode.NOT_FOUND);
            }
            Entry entry = entries.get(key);
            return Result.ok(entry == null ? Optional.empty() : Optional.of(entry.value()));
        }

        public Result<@Unsigned Long, ErrorCode> set(String key, byte[] value) {
            if (!permissions.contains(Permission.WRITE)) {
                return Result.err(ErrorCode.READ_ONLY);
            }
            if (value.length > MAX_VALUE_BYTES) {
                return Result.err(ErrorCode.TOO_LARGE);
            }
            return Result.ok(put(key, value));
        }

        public List<Entry> entries(Query query) {
            List<Entry> selected = new ArrayList<>();
            if (query instanceof Query.Keys keys) {
                for (String key : keys.keys()) {
                    Entry entry = entries.get(key);
                    if (entry != null) {
                        selected.add(entry);
                    }
                }
                return selected;
            }
            for (Entry entry : entries.values()) {
                boolean matches = query instanceof Query.All
                        || (query instanceof Query.Prefix prefix && entry.key().startsWith(prefix.prefix()))
                        || (query instanceof Query.NewerThan newer
                                && Long.compareUnsigned(entry.version(), newer.version()) > 0);
                if (matches) {
                    selected.add(entry);
                }
            }
            return selected;
        }

        public Stats stats() {
            long totalBytes = 0;
            Entry largest = null;
            for (Entry entry : entries.values()) {
                totalBytes += entry.value().length;
                if (largest == null || entry.value().length > largest.value().length) {
                    largest = entry;
                }
            }
            return new Stats(name, entries.size(), totalBytes, Optional.ofNullable(largest),
                    EnumSet.copyOf(permissions));
        }

        private long put(String key, byte[] value) {
            lastVersion++;
            entries.put(key, new Entry(key, value.clone(), lastVersion));
            return lastVersion;
        }

        /** Called when the guest drops its handle (or gives the bucket up to {@link #merge}). */
        @Override
        public void close() {
            if (!isClosed) {
                isClosed = true;
                entries.clear();
                closed.add(name);
            }
        }
    }
}

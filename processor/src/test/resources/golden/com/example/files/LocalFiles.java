package com.example.files;

import dev.witbind.annotations.Borrow;
import dev.witbind.annotations.Unsigned;
import dev.witbind.annotations.WitFunction;
import dev.witbind.annotations.WitInterface;
import dev.witbind.annotations.WitResource;
import dev.witbind.wit.values.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Implements the generated generic FsHost, with its resources as nested @WitResource classes, in the same
 * compilation as the @WitBindgen that generates it.
 */
@WitInterface("example:files/fs@1.0.0")
public final class LocalFiles implements FsHost<LocalFiles.Descriptor, LocalFiles.Directory> {
    private final Map<String, byte[]> contents = new TreeMap<>();
    private final List<String> closed = new ArrayList<>();

    /** WIT resource descriptor; the generated interface has its methods, the constructor is the WIT's. */
    @WitResource
    public final class Descriptor implements FsHost.Descriptor<Descriptor>, AutoCloseable {
        private final String path;
        private final boolean writable;

        public Descriptor(String path, boolean writable) {
            this.path = path;
            this.writable = writable;
        }

        @Override
        public Result<byte[], ErrorCode> read(@Unsigned int len) {
            byte[] data = contents.get(path);
            return data == null ? Result.err(ErrorCode.NOT_FOUND)
                    : Result.ok(java.util.Arrays.copyOf(data, Math.min(len, data.length)));
        }

        @Override
        public Result<@Unsigned Integer, ErrorCode> write(byte[] data) {
            if (!writable) {
                return Result.err(ErrorCode.DENIED);
            }
            contents.put(path, data.clone());
            return Result.ok(data.length);
        }

        @Override
        public Descriptor duplicate() {
            return new Descriptor(path, writable);
        }

        @Override
        public boolean sameAs(@Borrow Descriptor other) {
            return path.equals(other.path);
        }

        @Override
        public void close() {
            closed.add(path);
        }
    }

    /** WIT resource directory, which has no constructor: so the class has no public one. */
    @WitResource
    public final class Directory implements FsHost.Directory<Descriptor> {
        private final String prefix;

        Directory(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public List<String> names() {
            return contents.keySet().stream().filter(name -> name.startsWith(prefix)).toList();
        }

        @Override
        public Optional<Descriptor> openFile(String name) {
            return contents.containsKey(prefix + name) ? Optional.of(new Descriptor(prefix + name, false))
                    : Optional.empty();
        }
    }

    @Override
    public Descriptor open(String path) {
        return new Descriptor(path, true);
    }

    @Override
    public Result<Directory, ErrorCode> openDirectory(String path) {
        return Result.ok(new Directory(path.endsWith("/") ? path : path + "/"));
    }

    @Override
    public Result<@Unsigned Long, ErrorCode> copy(@Borrow Descriptor source, @Borrow Descriptor target) {
        byte[] data = contents.get(source.path);
        if (data == null) {
            return Result.err(ErrorCode.NOT_FOUND);
        }
        contents.put(target.path, data.clone());
        return Result.ok((long) data.length);
    }

    @Override
    public @Unsigned int closeAll(List<Descriptor> files) {
        files.forEach(Descriptor::close);
        return files.size();
    }

    @Override
    public List<@Unsigned Long> sizes(List<@Borrow Descriptor> files) {
        return files.stream().map(file -> (long) contents.getOrDefault(file.path, new byte[0]).length).toList();
    }

    /** A resource's static function: annotations are not inherited, so it names its WIT function itself. */
    @Override
    @WitFunction("[static]descriptor.open")
    public Result<Descriptor, ErrorCode> descriptorOpen(String path) {
        return contents.containsKey(path) ? Result.ok(new Descriptor(path, false)) : Result.err(ErrorCode.NOT_FOUND);
    }

    @Override
    @WitFunction("[static]descriptor.temporary")
    public Descriptor temporary() {
        return new Descriptor("tmp/" + contents.size(), true);
    }
}

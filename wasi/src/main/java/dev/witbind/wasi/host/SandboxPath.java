package dev.witbind.wasi.host;

import dev.witbind.wasi.bindings.FilesystemTypesErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A place beneath a preopen, and the one place where a guest's path becomes a host path.
 *
 * <p>A path given with a directory descriptor is walked beneath it a component at a time: {@code ..} pops a
 * component and is refused at the descriptor (as with Wasmtime's descriptors, through cap-std, every directory
 * descriptor is a sandbox of its own, not only a preopen), and every symbolic link on the way is read here
 * ({@link Files#readSymbolicLink}) and its target walked in its place. Refused with {@code not-permitted}: an
 * absolute path, a {@code ..} above the descriptor, a link whose target is absolute or leads above it;
 * {@code loop} after {@value #MAX_LINKS} links; {@code name-too-long} past {@value #MAX_PATH_LENGTH} characters.
 *
 * <p>So the JDK is only ever handed a path whose directories are real directories (no link among them), checked
 * on every use: the descriptor's own names too, since the guest may since have moved its directory away and put
 * a link in its place (the JDK has no {@code openat} to hold a directory by). Another process that swaps a
 * directory for a link between the check and the use could still redirect it; the guest itself cannot, since its
 * calls run one at a time on its thread.
 *
 * @param root the preopen's host directory
 * @param names the names from the root down to this place, each a directory but perhaps the last
 */
record SandboxPath(Path root, List<String> names) {
    /** Linux's {@code PATH_MAX}: a longer path is {@code name-too-long} before any work is done on it. */
    static final int MAX_PATH_LENGTH = 4096;

    /** Linux's limit of links followed in one resolution ({@code MAXSYMLINKS}). */
    static final int MAX_LINKS = 40;

    SandboxPath {
        names = List.copyOf(names);
    }

    /** The root of a preopen. */
    static SandboxPath root(Path root) {
        return new SandboxPath(root, List.of());
    }

    /** The host path, unchecked: for messages and for what was checked just before. */
    Path hostPath() {
        Path path = root;
        for (String name : names) {
            path = path.resolve(name);
        }
        return path;
    }

    /**
     * The host path of this directory, after checking that it and every directory above it (up to the root) is
     * still a directory and no link: {@code no-entry} when one is not.
     */
    Path directory() throws IOException {
        checkDirectories(names.size());
        return hostPath();
    }

    /** The host path of this file, after checking the directories above it as {@link #directory()} does. */
    Path file() throws IOException {
        checkDirectories(names.size() - 1);
        return hostPath();
    }

    /**
     * What {@code path} names beneath this directory. Every component but the last is followed when it is a link;
     * the last as well when {@code followLast} (or the path ends with {@code /}); a last component that is not
     * followed may be a link, or not exist.
     */
    SandboxPath resolve(String path, boolean followLast) throws IOException {
        return walk(path, followLast);
    }

    /**
     * The entry that {@code path} names in a directory beneath this one, for the functions that create, remove,
     * rename or link it: its last component is never followed, and must be a name ({@code invalid} for {@code .}
     * and {@code ..}, which name a directory rather than an entry of one). A trailing {@code /} is dropped, so that
     * {@code create-directory-at("new/")} creates {@code new} and a link named {@code link/} is removed, not
     * followed.
     */
    SandboxPath resolveEntry(String path) throws IOException {
        check(path);
        Deque<String> components = components(path);
        String last = components.isEmpty() ? "" : components.getLast();
        if (last.equals(".") || last.equals("..")) {
            throw new ErrorCodeException(FilesystemTypesErrorCode.INVALID, "'" + last + "' names no entry");
        }
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        return walk(path.substring(0, end), false);
    }

    /**
     * Whether a link at {@code link} (an entry beneath this directory) holding {@code target} stays beneath this
     * directory, judged on its text: what {@code symlink-at} may create. (Resolution checks every link anyway;
     * this keeps the guest from making links that could only be refused.)
     */
    boolean holdsLink(SandboxPath link, String target) {
        if (target.startsWith("/")) {
            return false;
        }
        int depth = link.names.size() - 1 - names.size();
        for (String component : target.split("/")) {
            if (component.equals("..")) {
                if (--depth < 0) {
                    return false;
                }
            } else if (!component.isEmpty() && !component.equals(".")) {
                depth++;
            }
        }
        return true;
    }

    private SandboxPath walk(String path, boolean followLast) throws IOException {
        check(path);
        Path directory = directory();
        boolean mustBeDirectory = path.endsWith("/");
        Deque<String> pending = components(path);
        List<String> walked = new ArrayList<>();
        int links = 0;
        while (!pending.isEmpty()) {
            String name = pending.removeFirst();
            boolean last = pending.isEmpty();
            if (name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                if (walked.isEmpty()) {
                    throw new ErrorCodeException(FilesystemTypesErrorCode.NOT_PERMITTED, "'..' leaves the directory");
                }
                walked.remove(walked.size() - 1);
                continue;
            }
            Path candidate = join(directory, walked).resolve(name);
            if (!last || followLast || mustBeDirectory) {
                BasicFileAttributes attributes = attributesOrNull(candidate);
                if (attributes != null && attributes.isSymbolicLink()) {
                    if (++links > MAX_LINKS) {
                        throw new ErrorCodeException(FilesystemTypesErrorCode.LOOP, "more than " + MAX_LINKS
                                + " symbolic links");
                    }
                    String target = Files.readSymbolicLink(candidate).toString();
                    if (target.startsWith("/")) {
                        throw new ErrorCodeException(FilesystemTypesErrorCode.NOT_PERMITTED,
                                "a symbolic link to an absolute path");
                    }
                    Deque<String> expanded = components(target);
                    if (expanded.isEmpty()) {
                        throw new NoSuchFileException(candidate.toString(), null, "a symbolic link to nothing");
                    }
                    expanded.descendingIterator().forEachRemaining(pending::addFirst);
                    continue;
                }
                if (!last && attributes == null) {
                    throw new NoSuchFileException(candidate.toString());
                }
                if (attributes != null && !attributes.isDirectory() && (!last || mustBeDirectory)) {
                    throw new ErrorCodeException(FilesystemTypesErrorCode.NOT_DIRECTORY, name + " is no directory");
                }
            }
            walked.add(name);
        }
        List<String> all = new ArrayList<>(names);
        all.addAll(walked);
        return new SandboxPath(root, all);
    }

    /** The first {@code count} names must still be directories, none a link. */
    private void checkDirectories(int count) throws IOException {
        Path path = root;
        for (int i = 0; i < count; i++) {
            path = path.resolve(names.get(i));
            BasicFileAttributes attributes = attributesOrNull(path);
            if (attributes == null || !attributes.isDirectory() || attributes.isSymbolicLink()) {
                throw new NoSuchFileException(path.toString(), null, "no longer the directory it was");
            }
        }
    }

    private static void check(String path) throws ErrorCodeException {
        if (path.length() > MAX_PATH_LENGTH) {
            throw new ErrorCodeException(FilesystemTypesErrorCode.NAME_TOO_LONG, "a path of " + path.length()
                    + " characters");
        }
        if (path.isEmpty()) {
            throw new ErrorCodeException(FilesystemTypesErrorCode.NO_ENTRY, "an empty path");
        }
        if (path.startsWith("/")) {
            throw new ErrorCodeException(FilesystemTypesErrorCode.NOT_PERMITTED, "an absolute path");
        }
        if (path.indexOf('\0') >= 0) {
            throw new ErrorCodeException(FilesystemTypesErrorCode.INVALID, "a path with a NUL character");
        }
    }

    /** The components of a path, without the empty ones of {@code //} and of a trailing {@code /}. */
    private static Deque<String> components(String path) {
        Deque<String> components = new ArrayDeque<>();
        for (String component : path.split("/")) {
            if (!component.isEmpty()) {
                components.addLast(component);
            }
        }
        return components;
    }

    private static Path join(Path directory, List<String> names) {
        Path path = directory;
        for (String name : names) {
            path = path.resolve(name);
        }
        return path;
    }

    static BasicFileAttributes attributesOrNull(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException absent) {
            return null;
        }
    }
}

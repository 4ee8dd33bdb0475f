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
 * The one place where a guest's path becomes a host path: beneath a directory descriptor, which is the root the
 * path may not leave (as Wasmtime's descriptors, through cap-std, every directory descriptor is a sandbox of its
 * own, not only a preopen). The path is walked a component at a time: {@code ..} pops a component and is refused
 * at the root, and every symbolic link on the way is read here ({@link Files#readSymbolicLink}) and its target
 * walked in its place, so that the JDK is only ever handed a path whose directories are real directories beneath
 * the root. Refused with {@code not-permitted}: an absolute path, a {@code ..} above the root, a link whose target
 * is absolute or leads above the root. {@code loop} after {@value #MAX_LINKS} links.
 *
 * <p>The walk checks, then the caller acts on the path: another process that swaps a directory for a link in
 * between could redirect the action (the JDK has no {@code openat}). The guest itself cannot, since its calls run
 * one at a time on its thread.
 */
final class SandboxPath {
    /** Linux's {@code PATH_MAX}: a longer path is {@code name-too-long} before any work is done on it. */
    static final int MAX_PATH_LENGTH = 4096;

    /** Linux's limit of links followed in one resolution ({@code MAXSYMLINKS}). */
    static final int MAX_LINKS = 40;

    private SandboxPath() {}

    /**
     * The host path that {@code path} names beneath {@code root}. Every component but the last is followed when it
     * is a link; the last as well when {@code followLast} (or the path ends with {@code /}); a last component that
     * is not followed may be a link, or not exist.
     */
    static Path resolve(Path root, String path, boolean followLast) throws IOException {
        return walk(root, path, followLast);
    }

    /**
     * The host path of the entry that {@code path} names in a directory beneath {@code root}, for the functions
     * that create, remove, rename or link that entry: its last component is never followed, and must be a name
     * ({@code invalid} for {@code .} and {@code ..}, which name a directory rather than an entry of one). A
     * trailing {@code /} is dropped, so that {@code create-directory-at("new/")} creates {@code new} and a link
     * named {@code link/} is removed, not followed.
     */
    static Path resolveEntry(Path root, String path) throws IOException {
        check(path);
        String last = lastComponent(path);
        if (last.equals(".") || last.equals("..")) {
            throw new ErrorCodeException(FilesystemTypesErrorCode.INVALID, "'" + last + "' names no entry");
        }
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        return walk(root, path.substring(0, end), false);
    }

    /**
     * Whether a link at {@code link} (a path beneath {@code root}) holding {@code target} would lead to a place
     * beneath {@code root}, judged on its text: what {@code symlink-at} may create.
     */
    static boolean staysInside(Path root, Path link, String target) {
        if (target.startsWith("/")) {
            return false;
        }
        Path directory = root.relativize(link.getParent());
        int depth = directory.toString().isEmpty() ? 0 : directory.getNameCount();
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

    private static Path walk(Path root, String path, boolean followLast) throws IOException {
        check(path);
        boolean mustBeDirectory = path.endsWith("/");
        Deque<String> pending = components(path);
        List<String> resolved = new ArrayList<>();
        int links = 0;
        while (!pending.isEmpty()) {
            String name = pending.removeFirst();
            boolean last = pending.isEmpty();
            if (name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                if (resolved.isEmpty()) {
                    throw new ErrorCodeException(FilesystemTypesErrorCode.NOT_PERMITTED, "'..' leaves the directory");
                }
                resolved.remove(resolved.size() - 1);
                continue;
            }
            Path candidate = join(root, resolved).resolve(name);
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
            resolved.add(name);
        }
        return join(root, resolved);
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

    private static String lastComponent(String path) {
        Deque<String> components = components(path);
        return components.isEmpty() ? "" : components.getLast();
    }

    private static Path join(Path root, List<String> names) {
        Path path = root;
        for (String name : names) {
            path = path.resolve(name);
        }
        return path;
    }

    private static BasicFileAttributes attributesOrNull(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException absent) {
            return null;
        }
    }
}

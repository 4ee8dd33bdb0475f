package dev.witbind.wasi.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A host directory the guest sees as {@code guestPath} ({@code wasi:filesystem/preopens}); the guest can reach
 * nothing outside it.
 *
 * @param hostDirectory the directory on the host, absolute and normalized
 * @param guestPath the name the guest sees, such as {@code "/"} or {@code "data"}
 * @param readOnly whether every write through it is refused
 */
public record Preopen(Path hostDirectory, String guestPath, boolean readOnly) {
    public Preopen {
        Objects.requireNonNull(hostDirectory, "hostDirectory");
        Objects.requireNonNull(guestPath, "guestPath");
        if (guestPath.isEmpty()) {
            throw new IllegalArgumentException("a preopen's guest path must not be empty");
        }
        hostDirectory = hostDirectory.toAbsolutePath().normalize();
    }
}

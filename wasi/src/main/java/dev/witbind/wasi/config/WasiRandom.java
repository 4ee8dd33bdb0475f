package dev.witbind.wasi.config;

import java.security.SecureRandom;
import java.util.Random;

/**
 * Where {@code wasi:random/random} and {@code wasi:random/insecure} take their bytes, and the seed that
 * {@code wasi:random/insecure-seed} hands out. {@link #system()} uses a {@link SecureRandom} for the secure
 * interface; {@link #seeded(long)} is repeatable, for tests only.
 */
public interface WasiRandom {
    /** Fills {@code bytes} with cryptographically secure random bytes ({@code wasi:random/random}). */
    void secureBytes(byte[] bytes);

    /** Fills {@code bytes} with bytes that need not be secure ({@code wasi:random/insecure}). */
    void insecureBytes(byte[] bytes);

    /** The two 64-bit halves of the seed {@code insecure-seed} returns; asked once per instance. */
    long[] insecureSeed();

    /** A {@link SecureRandom} for every interface. */
    static WasiRandom system() {
        SecureRandom secure = new SecureRandom();
        return new WasiRandom() {
            @Override
            public void secureBytes(byte[] bytes) {
                secure.nextBytes(bytes);
            }

            @Override
            public void insecureBytes(byte[] bytes) {
                secure.nextBytes(bytes);
            }

            @Override
            public long[] insecureSeed() {
                return new long[] {secure.nextLong(), secure.nextLong()};
            }
        };
    }

    /**
     * The same bytes on every run for the same {@code seed}: for deterministic tests. Never use it where a guest
     * needs secrets, since its "secure" bytes are not.
     */
    static WasiRandom seeded(long seed) {
        Random random = new Random(seed);
        return new WasiRandom() {
            @Override
            public synchronized void secureBytes(byte[] bytes) {
                random.nextBytes(bytes);
            }

            @Override
            public synchronized void insecureBytes(byte[] bytes) {
                random.nextBytes(bytes);
            }

            @Override
            public synchronized long[] insecureSeed() {
                return new long[] {random.nextLong(), random.nextLong()};
            }
        };
    }
}

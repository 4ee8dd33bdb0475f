package dev.witbind.wasi.host;

/**
 * What an {@link IoPoll.Pollable} waits for. Streams are always ready (their reads and writes block the guest's
 * thread, as WASI 0.2 allows a synchronous host to); clock pollables are ready at their deadline.
 */
interface Readiness {
    /** Always ready. */
    Readiness READY = new Readiness() {
        @Override
        public boolean ready() {
            return true;
        }

        @Override
        public void block() {}
    };

    boolean ready();

    /**
     * Waits until ready. Returns early when the thread is interrupted, with its interrupt flag set again, so that
     * the engine's interruption check stops the guest at its next loop or call.
     */
    void block();
}

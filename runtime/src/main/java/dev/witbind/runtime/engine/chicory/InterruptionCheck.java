package dev.witbind.runtime.engine.chicory;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.ExecutionListener;
import com.dylibso.chicory.runtime.MStack;
import com.dylibso.chicory.wasm.types.Instruction;

/**
 * Makes the interpreter stop for an interrupt of the calling thread, wherever the guest loops: every 1024
 * instructions it looks at the thread's interrupt status, as Chicory's compiled code does at each loop back-edge.
 * One per interpreted instance (an instance runs on one thread at a time).
 */
final class InterruptionCheck implements ExecutionListener {
    private static final int EVERY = 1024;
    private int countdown = EVERY;

    @Override
    public void onExecution(Instruction instruction, MStack stack) {
        if (--countdown == 0) {
            countdown = EVERY;
            if (Thread.currentThread().isInterrupted()) {
                throw new ChicoryInterruptedException("Thread interrupted");
            }
        }
    }
}

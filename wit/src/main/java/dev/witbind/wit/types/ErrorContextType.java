package dev.witbind.wit.types;

/**
 * {@code error-context} (the Component Model's async): a handle to debugging information about an error. witbind reads
 * and resolves it; the runtime and the processor refuse it by name.
 */
public enum ErrorContextType implements WitType {
    ERROR_CONTEXT;

    @Override
    public String toString() {
        return "error-context";
    }
}

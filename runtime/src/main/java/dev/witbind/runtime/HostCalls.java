package dev.witbind.runtime;

/**
 * The one place where a host function's failures become witbind exceptions that name the function. Public only for
 * the engine adapter ({@code dev.witbind.runtime.chicory}), whose per-import host function calls {@link #invoke}
 * directly, so that a guest's call reaches the generated {@link HostCall} through one handle and one static call.
 */
public final class HostCalls {
    private HostCalls() {}

    /** Runs {@code call} for the import {@code function}, mapping every failure; not for applications. */
    public static long[] invoke(HostCall call, GuestContext cx, long[] args, String function, int resultCount) {
        long[] results;
        try {
            results = call.call(cx, args);
        } catch (WitTrapException e) {
            throw e.in(function);
        } catch (WitException e) {
            throw e;
        } catch (HostValueException e) {
            throw new WitHostException(function, e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new WitHostException(function, "threw " + e, e);
        }
        // The engines disagree on what a wrong count means (one reads zeros, the other overruns): refuse it here.
        if (results == null || results.length != resultCount) {
            throw new WitHostException(function, "returned " + (results == null ? "null instead of " : results.length
                    + " core values instead of ") + resultCount, null);
        }
        return results;
    }
}

package dev.witbind.runtime;

/** The one place where a host function's failures become witbind exceptions that name the function. */
final class HostCalls {
    private HostCalls() {}

    static long[] invoke(HostCall call, GuestContext cx, long[] args, String function, int resultCount) {
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
        } finally {
            // Borrowed handles are lent only for the duration of the call.
            cx.handles().endHostCall();
        }
        // The engines disagree on what a wrong count means (one reads zeros, the other overruns): refuse it here.
        if (results == null || results.length != resultCount) {
            throw new WitHostException(function, "returned " + (results == null ? "null instead of " : results.length
                    + " core values instead of ") + resultCount, null);
        }
        return results;
    }
}

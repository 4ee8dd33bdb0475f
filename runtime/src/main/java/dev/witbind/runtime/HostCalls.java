package dev.witbind.runtime;

/** The one place where a host function's failures become witbind exceptions that name the function. */
final class HostCalls {
    private HostCalls() {}

    static long[] invoke(HostCall call, GuestContext cx, long[] args, String function) {
        try {
            return call.call(cx, args);
        } catch (WitTrapException e) {
            throw e.in(function);
        } catch (WitException e) {
            throw e;
        } catch (HostValueException e) {
            throw new WitHostException(function, e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new WitHostException(function, "threw " + e, e);
        }
    }
}

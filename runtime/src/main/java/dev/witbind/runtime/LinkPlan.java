package dev.witbind.runtime;

import java.util.List;

/** The resolution of every import of a guest: what {@link Linker#link(GuestModule)} returns when all resolve. */
public record LinkPlan(String guestName, List<ImportBinding> bindings) {
    public LinkPlan {
        bindings = List.copyOf(bindings);
    }
}

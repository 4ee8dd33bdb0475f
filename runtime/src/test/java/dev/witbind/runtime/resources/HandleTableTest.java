package dev.witbind.runtime.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.wit.types.ResourceType;
import org.junit.jupiter.api.Test;

/** The Canonical ABI's handle rules ({@code lift_own}, {@code lift_borrow}, {@code lower_*}, {@code resource.drop}). */
class HandleTableTest {
    private static final ResourceType BUCKET = new ResourceType("example:kv/store@1.0.0", "bucket");
    private static final ResourceType STREAM = new ResourceType("wasi:io/streams@0.2.1", "output-stream");

    private final HandleTable table = new HandleTable();

    @Test
    void handlesStartAtOneAndFreedIndexesAreReused() {
        Object a = new Object();
        Object b = new Object();
        assertEquals(1, table.addOwn(BUCKET, a));
        assertEquals(2, table.addOwn(BUCKET, b));
        assertSame(a, table.liftOwn(BUCKET, 1));
        assertEquals(3 - 2, table.size());
        assertEquals(1, table.addOwn(STREAM, "s"));
        assertEquals(2, table.size());
    }

    @Test
    void liftOwnMovesOwnershipOut() {
        Object rep = new Object();
        int handle = table.addOwn(BUCKET, rep);
        assertSame(rep, table.liftOwn(BUCKET, handle));
        WitTrapException again = assertThrows(WitTrapException.class, () -> table.liftOwn(BUCKET, handle));
        assertEquals("handle 1 for own<bucket> was never issued or has been dropped", again.reason());
    }

    @Test
    void neverIssuedHandlesTrap() {
        assertEquals("handle 0 for borrow<bucket> was never issued or has been dropped",
                assertThrows(WitTrapException.class, () -> table.liftBorrow(BUCKET, 0)).reason());
        assertEquals("handle 7 for bucket was never issued or has been dropped",
                assertThrows(WitTrapException.class, () -> table.drop(BUCKET, 7)).reason());
        assertEquals("handle 4294967295 for own<bucket> was never issued or has been dropped",
                assertThrows(WitTrapException.class, () -> table.liftOwn(BUCKET, -1)).reason());
    }

    @Test
    void wrongTypeTraps() {
        int handle = table.addOwn(STREAM, "s");
        WitTrapException trap = assertThrows(WitTrapException.class, () -> table.liftBorrow(BUCKET, handle));
        assertEquals("handle 1 (own<output-stream>) is not a handle to bucket of example:kv/store@1.0.0", trap.reason());
    }

    @Test
    void borrowsLendTheHandleUntilTheHostCallReturns() {
        Object rep = new Object();
        int handle = table.addOwn(BUCKET, rep);
        assertSame(rep, table.liftBorrow(BUCKET, handle));
        assertSame(rep, table.liftBorrow(BUCKET, handle));

        assertEquals("handle 1 (own<bucket>) is lent to the current call, so ownership of it cannot move to the host",
                assertThrows(WitTrapException.class, () -> table.liftOwn(BUCKET, handle)).reason());
        assertEquals("handle 1 (own<bucket>) is lent to the current call and cannot be dropped",
                assertThrows(WitTrapException.class, () -> table.drop(BUCKET, handle)).reason());

        table.endHostCall();
        assertSame(rep, table.drop(BUCKET, handle));
    }

    @Test
    void ownershipDoesNotMoveOutOfABorrowHandle() {
        int handle = table.addBorrow(BUCKET, "lent");
        assertEquals("handle 1 (borrow<bucket>) is a borrow<bucket>, so ownership of it cannot move to the host",
                assertThrows(WitTrapException.class, () -> table.liftOwn(BUCKET, handle)).reason());
    }

    @Test
    void droppingABorrowReturnsNothingToReleaseAndSettlesTheCall() {
        int handle = table.addBorrow(BUCKET, "lent");
        assertNull(table.drop(BUCKET, handle));
        table.checkNoOutstandingBorrows();
        assertEquals(0, table.size());
    }

    @Test
    void aBorrowThatOutlivesItsCallTrapsNamingIt() {
        table.addOwn(BUCKET, "owned");
        table.addBorrow(BUCKET, "lent");
        WitTrapException trap = assertThrows(WitTrapException.class, table::checkNoOutstandingBorrows);
        assertEquals("handle 2 (borrow<bucket>) outlived the call it was lent for (a guest must drop the borrow "
                + "handles it is given before the call returns)", trap.reason());
    }

    @Test
    void everyBorrowThatOutlivesItsCallIsNamed() {
        int first = table.addBorrow(BUCKET, "lent");
        table.addBorrow(STREAM, "lent too");
        table.addBorrow(BUCKET, "lent as well");
        int last = table.addBorrow(BUCKET, "dropped");
        table.drop(BUCKET, last);
        table.drop(BUCKET, first);
        assertEquals(1, table.addBorrow(STREAM, "lent in place of the first"));

        WitTrapException trap = assertThrows(WitTrapException.class, table::checkNoOutstandingBorrows);
        assertEquals("handle 2 (borrow<output-stream>), handle 3 (borrow<bucket>) and handle 1 (borrow<output-stream>) "
                + "outlived the call they were lent for (a guest must drop the borrow handles it is given before the "
                + "call returns)", trap.reason());
    }

    @Test
    void aBorrowHandleCanBeLentBackToTheHostAndThenDropped() {
        int handle = table.addBorrow(BUCKET, "lent");
        assertEquals("lent", table.liftBorrow(BUCKET, handle));
        assertEquals("handle 1 (borrow<bucket>) is lent to the current call and cannot be dropped",
                assertThrows(WitTrapException.class, () -> table.drop(BUCKET, handle)).reason());
        table.endHostCall();
        assertNull(table.drop(BUCKET, handle));
        table.checkNoOutstandingBorrows();
    }

    @Test
    void droppingAnOwnHandleHandsBackTheResource() {
        Object rep = new Object();
        int handle = table.addOwn(BUCKET, rep);
        assertSame(rep, table.drop(BUCKET, handle));
        assertEquals(0, table.size());
    }

    @Test
    void growsPastItsInitialCapacity() {
        for (int i = 1; i <= 100; i++) {
            assertEquals(i, table.addOwn(BUCKET, i));
        }
        for (int i = 1; i <= 100; i++) {
            assertEquals(i, table.liftBorrow(BUCKET, i));
        }
        table.endHostCall();
        assertEquals(50, table.drop(BUCKET, 50));
        assertEquals(99, table.size());
    }

    @Test
    void aTableHoldsAtMostItsCapacityAndFreedHandlesMakeRoomAgain() {
        HandleTable table = new HandleTable(2);
        int first = table.addOwn(BUCKET, "a");
        table.addOwn(BUCKET, "b");

        WitTrapException full = assertThrows(WitTrapException.class, () -> table.addOwn(BUCKET, "c"));

        assertEquals("the handle table is full (2 handles, the instance's limit)", full.reason());
        table.liftOwn(BUCKET, first);
        assertEquals(2, table.size() + 1);
        table.addOwn(BUCKET, "c");
        assertEquals(2, table.size());
    }
}

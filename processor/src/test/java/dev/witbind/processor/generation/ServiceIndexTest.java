package dev.witbind.processor.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceIndexTest {

    @Test
    void parseIgnoresCommentsBlankLinesAndSpaceAsServiceLoaderDoes() {
        String content = "# generated\n  com.example.B_WitBindings  \n\ncom.example.A_WitBindings # first\r\n";

        assertEquals(Set.of("com.example.A_WitBindings", "com.example.B_WitBindings"), ServiceIndex.parse(content));
    }

    @Test
    void renderSortsAndListsEachClassOnce() {
        String index = ServiceIndex.render(List.of("com.example.B_WitBindings", "com.example.A_WitBindings",
                "com.example.B_WitBindings"));

        assertEquals("com.example.A_WitBindings\ncom.example.B_WitBindings\n", index);
    }

    @Test
    void renderOfNothingIsEmpty() {
        assertEquals("", ServiceIndex.render(List.of()));
    }
}

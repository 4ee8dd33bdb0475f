package dev.witbind.wit.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.witbind.wit.types.EnumType;
import dev.witbind.wit.types.HandleType;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.OptionType;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.RecordType;
import dev.witbind.wit.types.ResourceType;
import dev.witbind.wit.types.ResultType;
import dev.witbind.wit.types.TupleType;
import dev.witbind.wit.types.VariantType;
import dev.witbind.wit.types.WitType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Structural type comparison and its explanations. */
class TypeDifferenceTest {
    private static final ResourceType STREAM_0_2_0 = new ResourceType("wasi:io/streams@0.2.0", "output-stream");
    private static final ResourceType STREAM_0_2_12 = new ResourceType("wasi:io/streams@0.2.12", "output-stream");
    private static final ResourceType STREAM_0_3_0 = new ResourceType("wasi:io/streams@0.3.0", "output-stream");

    private static Optional<String> change(WitType older, WitType newer) {
        return TypeDifference.change("result", older, newer);
    }

    @Test
    void resourcesAreOneAcrossVersionsOnATrack() {
        assertEquals(Optional.empty(), change(HandleType.borrow(STREAM_0_2_0), HandleType.borrow(STREAM_0_2_12)));
        assertEquals(Optional.empty(), change(new ListType(HandleType.own(STREAM_0_2_0)),
                new ListType(HandleType.own(STREAM_0_2_12))));
        assertEquals(Optional.of("result changed: resource output-stream is now the one of wasi:io/streams@0.3.0, not "
                + "of wasi:io/streams@0.2.0"), change(HandleType.own(STREAM_0_2_0), HandleType.own(STREAM_0_3_0)));
        assertEquals(Optional.of("result changed from output-stream to borrow<output-stream>"),
                change(HandleType.own(STREAM_0_2_0), HandleType.borrow(STREAM_0_2_12)));
        ResourceType draft = new ResourceType("wasi:tls/types@0.2.0-draft", "client");
        assertEquals(Optional.empty(), change(HandleType.own(draft), HandleType.own(draft)));
        assertEquals(Optional.of("result changed: resource client is now the one of wasi:tls/types@0.2.0-draft2, not "
                + "of wasi:tls/types@0.2.0-draft"), change(HandleType.own(draft),
                HandleType.own(new ResourceType("wasi:tls/types@0.2.0-draft2", "client"))));
    }

    @Test
    void anonymousTypesCompareStructurally() {
        assertEquals(Optional.empty(), change(new ResultType(Optional.of(PrimitiveType.U64), Optional.empty()),
                new ResultType(Optional.of(PrimitiveType.U64), Optional.empty())));
        assertEquals(Optional.of("result changed from result<_, string> to result<u64, string>"),
                change(new ResultType(Optional.empty(), Optional.of(PrimitiveType.STRING)),
                        new ResultType(Optional.of(PrimitiveType.U64), Optional.of(PrimitiveType.STRING))));
        assertEquals(Optional.of("result changed from tuple<u8, u8> to tuple<u8, u8, u8>"),
                change(new TupleType(List.of(PrimitiveType.U8, PrimitiveType.U8)),
                        new TupleType(List.of(PrimitiveType.U8, PrimitiveType.U8, PrimitiveType.U8))));
        assertEquals(Optional.of("result changed from option<u32> to list<u32>"),
                change(new OptionType(PrimitiveType.U32), new ListType(PrimitiveType.U32)));
    }

    @Test
    void namedTypesCompareByNameAndMembersInOrder() {
        RecordType datetime = new RecordType("datetime", List.of(new RecordType.Field("seconds", PrimitiveType.U64),
                new RecordType.Field("nanoseconds", PrimitiveType.U32)));
        RecordType reordered = new RecordType("datetime", List.of(
                new RecordType.Field("nanoseconds", PrimitiveType.U32),
                new RecordType.Field("seconds", PrimitiveType.U64)));
        RecordType widened = new RecordType("datetime", List.of(new RecordType.Field("seconds", PrimitiveType.U64),
                new RecordType.Field("nanoseconds", PrimitiveType.U64)));
        assertEquals(Optional.of("result changed: record datetime: fields reordered from (seconds, nanoseconds) to "
                + "(nanoseconds, seconds)"),
                change(new ListType(datetime), new ListType(reordered)));
        assertEquals(Optional.of("result changed: record datetime: field 'nanoseconds' changed from u32 to u64"),
                change(new OptionType(datetime), new OptionType(widened)));
        assertEquals(Optional.of("field 'nanoseconds' changed from u32 to u64"),
                TypeDifference.definitionChange(datetime, widened));

        VariantType error = new VariantType("error", List.of(VariantType.Case.of("closed"),
                VariantType.Case.of("failed", PrimitiveType.STRING)));
        VariantType payload = new VariantType("error", List.of(VariantType.Case.of("closed", PrimitiveType.U8),
                VariantType.Case.of("failed")));
        assertEquals(Optional.of("case 'closed' payload changed from none to u8; case 'failed' payload changed from "
                + "string to none"), TypeDifference.definitionChange(error, payload));

        EnumType kind = new EnumType("kind", List.of("file", "directory"));
        assertEquals(Optional.of("case 'directory' removed; case 'link' added"),
                TypeDifference.definitionChange(kind, new EnumType("kind", List.of("file", "link"))));
        EnumType sameName = new EnumType("datetime", List.of("now"));
        assertEquals(Optional.of("result changed: record datetime became enum datetime"), change(datetime, sameName));
        assertEquals(Optional.of("record datetime became enum datetime"),
                TypeDifference.definitionChange(datetime, sameName));
        assertEquals(Optional.of("result changed from kind to datetime"), change(kind, sameName));
    }
}

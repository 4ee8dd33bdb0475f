package com.example.pairs;

import dev.witbind.annotations.WitInterface;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Implements the generated CountsHost, whose signatures use the generated @WitTuple records. */
@WitInterface("example:pairs/counts@1.0.0")
public final class PairsHost implements CountsHost {
    @Override
    public Optional<Tuple2OfStringAndU32> tally(List<Tuple2OfStringAndU32> words) {
        return words.stream().max(Comparator.comparingInt(Tuple2OfStringAndU32::e1));
    }

    @Override
    public Tuple2OfEntryAndListOfTuple2OfStringAndU32 split(Entry entry) {
        return new Tuple2OfEntryAndListOfTuple2OfStringAndU32(entry,
                List.of(new Tuple2OfStringAndU32(entry.key(), entry.seen().e0())));
    }
}

package com.example.shop;

import dev.witbind.annotations.WitInterface;
import dev.witbind.wit.values.Result;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** Implements the generated StoreHost in the same compilation as the @WitBindgen that generates it. */
@WitInterface("example:shop/store@1.0.0")
public final class ShopHost implements StoreHost {
    @Override
    public Result<Integer, ErrorCode> add(Item item, EnumSet<Permissions> access) {
        return access.contains(Permissions.WRITE) ? Result.ok(item.priceCents()) : Result.err(ErrorCode.FORBIDDEN);
    }

    @Override
    public Lookup find(String name) {
        return name.isEmpty() ? new Lookup.Missing()
                : new Lookup.Found(new Item(name, 100, Color.DARK_BLUE, List.of("new")));
    }

    @Override
    public Result<Receipt, ErrorCode> checkout(List<String> names, byte[] data) {
        return Result.ok(new Receipt(List.of(), data.length, Optional.empty(), 'x'));
    }

    @Override
    public List<Color> colors() {
        return List.of(Color.values());
    }

    @Override
    public void clear() {}
}

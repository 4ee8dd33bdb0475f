/** Bindings generated from WIT with tuples; {@link com.example.pairs.PairsHost} implements the host side. */
@WitBindgen(world = "example:pairs/pairs@1.0.0")
package com.example.pairs;

import dev.witbind.annotations.WitBindgen;

/** Bindings from WIT: BindgenTest compiles this package with -Awitbind.wit pointing at wit/bindgen/. */
@WitBindgen(world = "example:shop/shop@1.0.0")
package com.example.shop;

import dev.witbind.annotations.WitBindgen;

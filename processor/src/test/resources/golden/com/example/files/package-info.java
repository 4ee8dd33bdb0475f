/** Bindings from WIT with resources: BindgenTest compiles this package with -Awitbind.wit at wit/bindgen-resource/. */
@WitBindgen(world = "example:files/tool@1.0.0")
package com.example.files;

import dev.witbind.annotations.WitBindgen;

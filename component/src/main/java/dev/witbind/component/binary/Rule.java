package dev.witbind.component.binary;

/**
 * The catalogue of rules a component binary can break, each with the sentence that states it. Every
 * {@link ComponentFormatException} names one, so that tests and callers can tell problems apart without parsing
 * messages. Decoding rules come first, then the gate (constructs witbind refuses on purpose), then validation.
 */
public enum Rule {
    // Decoding: the bytes do not follow the grammar of Binary.md.
    MAGIC("a WebAssembly binary starts with the bytes 00 61 73 6d"),
    NOT_A_COMPONENT("a component has layer 1 in its preamble (layer 0 is a core module)"),
    VERSION("witbind reads component binaries of version 0x0d (the pre-standard version wasm-tools writes)"),
    TRUNCATED("a value must end before its section, or the input, does"),
    LEB128("a LEB128 number must fit its type and use no more bytes than that type needs"),
    UTF8("a name is well-formed UTF-8"),
    COUNT("a count or length must be backed by the remaining bytes"),
    SECTION_ID("a section id must be one Binary.md defines"),
    SECTION_SIZE("a section's content must be exactly as long as its size says"),
    OPCODE("a discriminant byte must be one Binary.md defines at this place"),
    NESTING("nested components and types may nest at most " + Limits.MAX_NESTING + " deep"),
    CORE_SECTION_ORDER("a core module's sections appear in the order of the core specification, each at most once"),
    CORE_CONSTANT("a core module's constant expression uses only the constant instructions witbind knows"),
    NAME_ATTRIBUTE_TWICE("a name's attribute vector holds each kind of attribute at most once"),
    CANON_OPTION_TWICE("a canonical option appears at most once, and at most one string-encoding is given"),
    TYPE_SIZE("a value type nests at most " + Limits.MAX_TYPE_DEPTH + " deep and spells out at most "
            + Limits.MAX_TYPE_SIZE + " type constructors"),
    EMPTY_TYPE("records, variants, tuples, flags and enums have at least one member (flags at most 32)"),

    // The gate: constructs that are valid but behind a feature gate of the Explainer, which witbind refuses by name.
    GATED("witbind reads only the stable (WASI 0.2) component model; this construct is behind a feature gate"),
    UNSUPPORTED_CORE("witbind reads core modules of WebAssembly 2.0 (no GC types, no 64-bit memories)"),

    // Validation: the bytes decode, but break a rule of the Explainer, Binary.md or CanonicalABI.md.
    INDEX("an index must refer to an earlier definition of its sort"),
    TYPE_KIND("a type index must refer to a type of the kind its place expects"),
    ALIAS_EXPORT("an export alias names an export of the instance, of the alias's sort"),
    ALIAS_OUTER("an outer alias stays within the enclosing scopes, aliases only core modules, core types, "
            + "components and types, and does not carry a resource type across a component boundary"),
    DECLARATOR("component and instance types declare no resource types, and alias only instances and types by "
            + "export and core types and types by outer alias"),
    NAME("import and export names, and labels, follow the name grammar of the Explainer"),
    VERSION_SUFFIX("a versionsuffix attribute follows an interface name with a canonversion, and the two make a valid "
            + "SemVer version"),
    NAME_UNIQUE("names in one scope are strongly unique (different after lowercasing, ignoring annotations)"),
    ANNOTATED_NAME("[constructor]r, [method]r.m and [static]r.m name functions of a preceding resource r, "
            + "a constructor returns own<r> or result<own<r>, e>, and a method's first parameter is self: borrow<r>"),
    BORROW_IN_RESULT("a function's result contains no borrow handle"),
    RESOURCE_TYPE("a handle or resource built-in refers to a resource type; resource.new and resource.rep only to "
            + "one this component defines; a destructor has type [i32] -> []"),
    CANON_LIFT_TYPE("the core function of canon lift has the type that flattening the component function type gives"),
    CANON_MEMORY("canon lift and lower need a (memory ...) option, of a 32-bit unshared memory, when values pass "
            + "through memory"),
    CANON_REALLOC("canon lift and lower need a (realloc ...) option of type [i32 i32 i32 i32] -> [i32] when the "
            + "canonical ABI allocates in the core instance"),
    CANON_POST_RETURN("post-return appears only on canon lift and takes the lifted core function's results, "
            + "returning nothing"),
    CORE_INSTANTIATE("core instantiation supplies every import of the module, by module name as an instance "
            + "argument, with an export of the expected kind and type"),
    INSTANTIATE("component instantiation supplies every import of the component by name, with the expected sort "
            + "and type, and names no argument twice"),
    EXTERNAL_VISIBILITY("every resource an exported function uses has an externally visible name: it is exported or "
            + "imported as a type, or by an instance"),
    EXPORT("an export names a definition of a sort a component may export, with a type that matches any "
            + "type it ascribes");

    private final String statement;

    Rule(String statement) {
        this.statement = statement;
    }

    /** The rule, stated as one sentence. */
    public String statement() {
        return statement;
    }
}

;; an export whose ascribed type differs from the exported function's.
(component
  (import "f" (func $f (param "x" u32)))
  (export "g" (func $f) (func (param "x" u64)))
)

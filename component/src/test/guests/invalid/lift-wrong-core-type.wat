;; canon lift of a core function whose type is not what flattening (func (param "x" u64) (result u32)) gives.
(component
  (core module $m (func (export "f") (param i32) (result i32) unreachable))
  (core instance $i (instantiate $m))
  (func (export "f") (param "x" u64) (result u32) (canon lift (core func $i "f")))
)

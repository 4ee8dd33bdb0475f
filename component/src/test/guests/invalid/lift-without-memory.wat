;; canon lift of a function with a string parameter and result, without a (memory ...) option.
(component
  (core module $m
    (memory (export "memory") 1)
    (func (export "f") (param i32 i32) (result i32) unreachable)
  )
  (core instance $i (instantiate $m))
  (func (export "f") (param "s" string) (result string) (canon lift (core func $i "f")))
)

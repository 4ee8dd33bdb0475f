;; the realloc option names a core function of the wrong type.
(component
  (core module $m
    (memory (export "memory") 1)
    (func (export "realloc") (param i32 i32) (result i32) unreachable)
    (func (export "f") (param i32 i32) unreachable)
  )
  (core instance $i (instantiate $m))
  (func (export "f") (param "s" string)
    (canon lift (core func $i "f") (memory (core memory $i "memory")) (realloc (core func $i "realloc"))))
)

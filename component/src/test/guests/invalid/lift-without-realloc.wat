;; canon lift of a function with a string parameter: the host must allocate it in the guest, so realloc is needed.
(component
  (core module $m
    (memory (export "memory") 1)
    (func (export "f") (param i32 i32) unreachable)
  )
  (core instance $i (instantiate $m))
  (func (export "f") (param "s" string) (canon lift (core func $i "f") (memory (core memory $i "memory"))))
)

;; the post-return function must take the lifted function's core results ([i32]) and return nothing.
(component
  (core module $m
    (memory (export "memory") 1)
    (func (export "f") (result i32) unreachable)
    (func (export "post") (param i64))
  )
  (core instance $i (instantiate $m))
  (func (export "f") (result string)
    (canon lift (core func $i "f") (memory (core memory $i "memory")) (post-return (core func $i "post"))))
)

;; canon lower of a function returning a string: the result is written into the guest, so realloc is needed.
(component
  (import "host" (instance $host (export "name" (func (result string)))))
  (core module $m (memory (export "memory") 1))
  (core instance $i (instantiate $m))
  (core func (canon lower (func $host "name") (memory (core memory $i "memory"))))
)

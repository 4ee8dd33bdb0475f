;; core instantiation with a function of the wrong type for the module's import.
(component
  (core module $a (func (export "f") (param i32)))
  (core instance $a (instantiate $a))
  (core module $m (import "env" "f" (func)))
  (core instance (instantiate $m (with "env" (instance $a))))
)

;; core instantiation without an argument for a module the core module imports from.
(component
  (core module $m (import "env" "f" (func)))
  (core instance (instantiate $m))
)

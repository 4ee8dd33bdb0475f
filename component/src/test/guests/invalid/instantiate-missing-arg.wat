;; component instantiation without an argument for one of the component's imports.
(component
  (component $c (import "f" (func)))
  (instance (instantiate $c))
)

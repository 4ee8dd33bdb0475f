;; a value type that refers to a function type.
(component
  (type $f (func))
  (type (list $f))
)

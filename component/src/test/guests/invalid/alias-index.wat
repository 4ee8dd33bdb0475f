;; an export alias of an instance index that does not exist.
(component
  (alias export 3 "tick" (func))
)

;; [static]r.m names a resource r that no earlier import or export of the scope introduces.
(component
  (import "store" (instance
    (export "[static]bucket.open" (func (result u32)))
  ))
)

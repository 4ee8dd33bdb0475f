;; own<T> of a type that is not a resource.
(component
  (type $t (record (field "x" u32)))
  (type (own $t))
)

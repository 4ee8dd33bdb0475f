;; an outer alias that carries a resource type into a nested component.
(component
  (type $r (resource (rep i32)))
  (component
    (alias outer 1 $r (type))
  )
)

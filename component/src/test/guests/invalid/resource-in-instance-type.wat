;; an instance type may not define a resource type; only its exports introduce resources.
(component
  (type (instance (type (resource (rep i32)))))
)

;; an import name that is not kebab-case.
(component
  (import "get_value" (func))
)

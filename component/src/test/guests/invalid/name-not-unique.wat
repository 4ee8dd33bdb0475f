;; two imports whose names differ only in case are not strongly unique.
(component
  (import "get-value" (func))
  (import "GET-value" (func))
)

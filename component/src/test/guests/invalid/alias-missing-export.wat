;; an export alias of a name the instance does not export.
(component
  (import "host" (instance $host (export "tick" (func))))
  (alias export $host "tock" (func))
)

;; a [constructor] must return own<r> (or result<own<r>, e>).
(component
  (import "store" (instance
    (export "bucket" (type (sub resource)))
    (export "[constructor]bucket" (func (result u32)))
  ))
)

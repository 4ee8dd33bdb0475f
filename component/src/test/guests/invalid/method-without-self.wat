;; a [method] whose first parameter is not self: borrow<r>.
(component
  (import "store" (instance
    (export "bucket" (type (sub resource)))
    (export "[method]bucket.size" (func (param "b" u32) (result u32)))
  ))
)

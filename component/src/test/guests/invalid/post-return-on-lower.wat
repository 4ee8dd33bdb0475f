;; post-return is an option of canon lift only.
(component
  (import "host" (instance $host (export "tick" (func))))
  (core module $m (func (export "post")))
  (core instance $i (instantiate $m))
  (core func (canon lower (func $host "tick") (post-return (core func $i "post"))))
)

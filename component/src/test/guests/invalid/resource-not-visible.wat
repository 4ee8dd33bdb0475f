;; an exported function returns a resource the component defines but neither exports nor imports.
(component
  (type $r (resource (rep i32)))
  (core module $m (func (export "make") (result i32) unreachable))
  (core instance $i (instantiate $m))
  (func $make (result (own $r)) (canon lift (core func $i "make")))
  (export "make" (func $make))
)

;; [resource-drop]r is the core import name toolchains use, not a component name.
(component
  (import "r" (type (sub resource)))
  (import "[resource-drop]r" (func (param "x" u32)))
)

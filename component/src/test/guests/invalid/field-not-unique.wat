;; record field labels must be strongly unique.
(component
  (type (record (field "size" u32) (field "SIZE" u64)))
)

;; A core module whose cabi_realloc calls the host through its table: no direct call names an import, so only an
;; analysis that counts every call_indirect as "may call out" keeps the may_leave check (LeaveChecksTest).
(module
  (type $void (func))
  (import "test:leave/host@1.0.0" "text" (func $text (param i32)))
  (import "test:leave/host@1.0.0" "ping" (func $ping))
  (memory (export "memory") 1)
  (table 1 funcref)
  (elem (i32.const 0) $ping)
  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32)
    (call_indirect (type $void) (i32.const 0))
    (i32.const 1024))
  (func (export "run") (result i32)
    (call $text (i32.const 16))
    (i32.load (i32.const 20))))

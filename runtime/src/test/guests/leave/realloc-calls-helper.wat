;; A core module whose cabi_realloc calls the host, not itself but through a function of its own: witbind must keep
;; the may_leave check, and the host's call traps (LeaveChecksTest).
(module
  (import "test:leave/host@1.0.0" "text" (func $text (param i32)))
  (import "test:leave/host@1.0.0" "ping" (func $ping))
  (memory (export "memory") 1)
  (func $helper (call $ping))
  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32)
    (call $helper)
    (i32.const 1024))
  (func (export "run") (result i32)
    (call $text (i32.const 16))
    (i32.load (i32.const 20))))

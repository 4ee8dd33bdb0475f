;; A core module whose cabi_realloc provably stays inside its instance: a bump allocator that calls a function of
;; its own (and a recursive one), never an import, never through a table. LeaveChecksTest runs it: the host's
;; string result is allocated by this realloc, and witbind leaves the may_leave check out of the imports.
(module
  (import "test:leave/host@1.0.0" "text" (func $text (param i32)))
  (import "test:leave/host@1.0.0" "ping" (func $ping))
  (memory (export "memory") 1)
  (global $next (mut i32) (i32.const 1024))
  (func $align (param $p i32) (param $a i32) (result i32)
    (i32.and (i32.add (local.get $p) (i32.sub (local.get $a) (i32.const 1)))
             (i32.sub (i32.const 0) (local.get $a))))
  (func $countdown (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else (return_call $countdown (i32.sub (local.get $n) (i32.const 1))))))
  (func (export "cabi_realloc") (param i32 i32) (param $align i32) (param $size i32) (result i32)
    (local $p i32)
    (drop (call $countdown (i32.const 3)))
    (local.set $p (call $align (global.get $next) (local.get $align)))
    (global.set $next (i32.add (local.get $p) (local.get $size)))
    (local.get $p))
  ;; run: func() -> u32, the length of the host's text
  (func (export "run") (result i32)
    (call $ping)
    (call $text (i32.const 16))
    (i32.load (i32.const 20)))
  ;; ping-again: the import, exported as it is
  (export "ping-again" (func $ping)))

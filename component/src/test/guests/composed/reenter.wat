;; A component that lowers a function it lifts itself and calls it while it runs: the Canonical ABI forbids entering
;; an instance again (its may_enter), so the call traps. Valid: the trap is at run time.
(component
  (core module $answers
    (func (export "seven") (result i32) i32.const 7)
  )
  (core instance $answers (instantiate $answers))
  (func $seven (result u32) (canon lift (core func $answers "seven")))
  (core func $lowered-seven (canon lower (func $seven)))
  (core module $caller
    (import "self" "seven" (func $seven (result i32)))
    (func (export "call-seven") (result i32) call $seven)
  )
  (core instance $caller (instantiate $caller (with "self" (instance (export "seven" (func $lowered-seven))))))
  (func $call-seven (result u32) (canon lift (core func $caller "call-seven")))
  (export "seven" (func $seven))
  (export "call-seven" (func $call-seven))
)

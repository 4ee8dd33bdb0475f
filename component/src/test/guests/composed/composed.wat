;; A composition of two components, as `wac plug` would make it: counters (../counters, which defines the resource
;; counter and exports example:counters/counters@0.1.0) serves the import of the same interface of tallies
;; (tallies.c). The composition imports what counters imports (log) and exports tallies' run. build.sh puts
;; jco print's text of the two components where @COUNTERS@ and @TALLIES@ stand.
(component
  (type $log-type
    (instance
      (type (enum "info" "warn"))
      (export "level" (type (eq 0)))
      (type (func (param "level" 1) (param "message" string)))
      (export "emit" (func (type 2)))
    )
  )
  (import "log" (instance $log (type $log-type)))
  (type $point (record (field "x" s32) (field "y" s32)))

  (component $counters
@COUNTERS@
  )
  (component $tallies
@TALLIES@
  )

  (instance $counters-instance (instantiate $counters (with "log" (instance $log)) (with "point" (type $point))))
  (alias export $counters-instance "example:counters/counters@0.1.0" (instance $counters-interface))
  (instance $tallies-instance
    (instantiate $tallies (with "example:counters/counters@0.1.0" (instance $counters-interface))))
  (alias export $tallies-instance "run" (func $run))
  (export "run" (func $run))
)

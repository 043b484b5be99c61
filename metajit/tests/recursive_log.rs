//! What the traces of a recursive program contain, read from the JIT log.
//! One test in its own binary: `METAJIT_LOG` is process-wide, and every JIT
//! started while it is set writes to the file.

mod rec;

#[test]
fn recursion_deeper_than_inlining_is_called_residually_then_through_its_entry() {
    // sum(k) = k(k+1)/2; for k = 40, 820; twenty times: 16400.
    let src = "(fun sum (k) (if (== k 0) 0 (+ k (sum (- k 1)))))
         (fun main () (seq (set i 0) (set s 0)
            (while (< i 20) (set s (+ s (sum 40))) (set i (+ i 1)))
            s))";
    let path = std::env::temp_dir().join(format!("metajit-rec-{}.log", std::process::id()));
    std::env::set_var("METAJIT_LOG", format!("jit-log-opt:{}", path.display()));
    let (out, _) = rec::run_big_stack(
        src,
        "threshold=3,function_threshold=3,trace_eagerness=2,backend=x64",
    );
    std::env::remove_var("METAJIT_LOG");
    let log = std::fs::read_to_string(&path).unwrap_or_default();
    std::fs::remove_file(&path).ok();
    assert_eq!(out, "=> 16400\n");
    // The recursion past the inlining depth is a call into the interpreter.
    assert!(log.contains("call_may_force_r("), "{log}");
    // Once `sum` has an entry trace, a trace that calls it goes straight
    // there: its own recursive call, traced after the entry was compiled.
    assert!(log.contains("call_assembler_r("), "{log}");
}

//! What compiled Python loops contain, read from `METAJIT_LOG=jit-log-opt`:
//! the peeled body of a loop (after its `label`) over a range, or over a
//! tuple of pairs unpacked into two names and combined with a global,
//! advances its iterator, unpacks and reads the global inline: no helper
//! call, no allocation. Over a list, and a list indexed and stored into by
//! small ints (negative ones too), the same: field and array accesses, no
//! call. A tuple built and unpacked at once (`a, b = b, a + b`) is never
//! allocated. A closure's cell is read and written inline. A recursive
//! generator's `yield from` is traced without aborting (its guard on
//! whether the subiterator returned comes after a merge point, not after
//! the subiterator ran). A method of a str, list or dict is a constant:
//! the loop calls it with no lookup. An operator on instances of a user
//! class whose method is a Python function (`v = v + w * 0.5` on a small
//! Vector class) inlines the method: no call of the general operator
//! helper. The programs' output is checked against CPython's too.

use std::process::Command;

const PROGRAM: &str = "\
SCALE = 3
def pairs_sum(pairs, n):
    total = 0
    for _ in range(n):
        for a, b in pairs:
            total += a * SCALE - b
    return total
def count(n):
    s = 0
    for i in range(n):
        s += i
    return s
print(pairs_sum(tuple((i, i + 1) for i in range(10)), 3000))
print(pairs_sum([(i, 2 * i) for i in range(10)], 3000))
print(count(100000))
";

/// CPython's output of `PROGRAM`.
const EXPECTED: &str = "240000\n135000\n4999950000\n";

const LIST_PROGRAM: &str = "\
def list_sum(l, n):
    total = 0
    for _ in range(n):
        for x in l:
            total += x
    return total
def index_sum(l, n):
    total = 0
    for i in range(n):
        total += l[i % 5] - l[i % 3 - 3]
        l[i % 3] = i % 7
    return total
print(list_sum([i * i for i in range(10)], 3000))
print(index_sum([1, 2, 3, 4, 5], 30000))
";

/// CPython's output of `LIST_PROGRAM`.
const LIST_EXPECTED: &str = "855000\n-11999\n";

const TUPLE_PROGRAM: &str = "\
def fib_mod(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, (a + b) % 1000003
    return a
def swaps(n):
    x, y, z = 1, 2, 3
    for i in range(n):
        x, y, z = z, x + i, y
    return x, y, z
print(fib_mod(30000))
print(swaps(30001))
";

/// CPython's output of `TUPLE_PROGRAM`.
const TUPLE_EXPECTED: &str = "875963\n(149995003, 150015001, 150005002)\n";

const CELL_PROGRAM: &str = "\
def counter(n):
    total = 0
    def add(k):
        nonlocal total
        total += k
    for i in range(n):
        add(i % 5)
    return total
print(counter(30000))
";

/// CPython's output of `CELL_PROGRAM`.
const CELL_EXPECTED: &str = "60000\n";

const BUILTIN_METHOD_PROGRAM: &str = "\
def collect(words, n):
    out = []
    seen = {}
    for i in range(n):
        w = words[i % 3]
        if w.startswith('a'):
            out.append(w.upper())
        seen[w] = seen.get(w, 0) + 1
    return len(out), ','.join(out[:3]), seen.get('bc')
print(collect(['ab', 'bc', 'ad'], 3000))
";

/// CPython's output of `BUILTIN_METHOD_PROGRAM`.
const BUILTIN_METHOD_EXPECTED: &str = "(2000, 'AB,AD,AB', 1000)\n";

/// The optimized-loop log of `program` run by `mj-python`, after checking
/// its output is `expected`.
fn run_logged(name: &str, program: &str, expected: &str) -> String {
    let dir = std::env::temp_dir().join(format!("mj-python-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let source = dir.join("loops.py");
    let log = dir.join("opt.log");
    std::fs::write(&source, program).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_mj-python"))
        .arg(&source)
        .env("METAJIT_LOG", format!("jit-log-opt:{}", log.display()))
        .output()
        .expect("mj-python runs");
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
    let log = std::fs::read_to_string(&log).expect("the log was written");
    std::fs::remove_dir_all(&dir).ok();
    log
}

/// (header, peeled body) of every loop in the log.
fn peeled_loops(log: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for section in log.split("# Loop ").skip(1) {
        let header = section.lines().next().unwrap_or("").to_string();
        let Some(at) = section.find("\nlabel(") else {
            continue;
        };
        let body = &section[at + 1..];
        let end = body.find("\njump(").unwrap_or(body.len());
        out.push((header, body[..end].to_string()));
    }
    out
}

#[test]
fn loops_iterate_unpack_and_read_globals_inline() {
    let log = run_logged("jit-loops", PROGRAM, EXPECTED);
    let loops = peeled_loops(&log);

    // The range loop of `count`: nothing but guards, arithmetic and the
    // iterator's fields.
    let (_, body) = loops
        .iter()
        .find(|(h, _)| h.contains("count:"))
        .expect("count's loop was compiled");
    assert!(!body.contains("call"), "a call in the range loop:\n{body}");
    assert!(
        !body.contains("new("),
        "an allocation in the range loop:\n{body}"
    );
    assert!(body.contains("descr=iterator.index"), "{body}");

    // The loop over the tuple of pairs: no call at all.
    let tuple_loop = loops.iter().find(|(h, b)| {
        h.contains("pairs_sum:") && b.contains("descr=tuple") && !b.contains("descr=list")
    });
    let (_, body) = tuple_loop.expect("the loop over the tuple was compiled");
    assert!(!body.contains("call"), "a call in the tuple loop:\n{body}");
    assert!(body.contains("guard_not_invalidated"), "{body}");

    // No loop calls the general iteration, unpacking or global helpers.
    for (header, body) in &loops {
        for helper in ["for_iter", "unpack", "load_global"] {
            assert!(
                !body.contains(&format!("descr={helper})")),
                "{helper} in loop {header}:\n{body}"
            );
        }
    }
}

#[test]
fn list_loops_and_indexing_read_items_inline() {
    let log = run_logged("list-loops", LIST_PROGRAM, LIST_EXPECTED);
    let loops = peeled_loops(&log);
    for name in ["list_sum:", "index_sum:"] {
        let (_, body) = loops
            .iter()
            .find(|(h, _)| h.contains(name))
            .unwrap_or_else(|| panic!("{name} loop was compiled:\n{log}"));
        assert!(!body.contains("call"), "a call in the {name} loop:\n{body}");
        // The items are read (and written) in the loop; the list's length
        // and array may be read once, before it.
        assert!(body.contains("descr=list storage"), "{body}");
    }
}

#[test]
fn tuples_built_and_unpacked_at_once_are_not_allocated() {
    let log = run_logged("tuple-loops", TUPLE_PROGRAM, TUPLE_EXPECTED);
    let loops = peeled_loops(&log);
    for name in ["fib_mod:", "swaps:"] {
        let (_, body) = loops
            .iter()
            .find(|(h, _)| h.contains(name))
            .unwrap_or_else(|| panic!("{name} loop was compiled:\n{log}"));
        assert!(
            !body.contains("new"),
            "an allocation in the {name} loop:\n{body}"
        );
        assert!(!body.contains("call"), "a call in the {name} loop:\n{body}");
    }
}

#[test]
fn closure_cells_are_read_and_written_inline() {
    let log = run_logged("cell-loops", CELL_PROGRAM, CELL_EXPECTED);
    let loops = peeled_loops(&log);
    let (_, body) = loops
        .iter()
        .find(|(h, _)| h.contains("counter:"))
        .unwrap_or_else(|| panic!("counter's loop was compiled:\n{log}"));
    assert!(!body.contains("call"), "a call in the loop:\n{body}");
    assert!(body.contains("descr=cell.value"), "{body}");
}

const YIELD_FROM_PROGRAM: &str = "\
def walk(n, depth):
    if depth == 0:
        yield n
        return
    for k in range(3):
        yield from walk(n * 3 + k, depth - 1)
def total(depth):
    s = 0
    for v in walk(0, depth):
        s += v % 7
    return s
for d in range(4, 10):
    print(d, total(d))
";

/// CPython's output of `YIELD_FROM_PROGRAM`.
const YIELD_FROM_EXPECTED: &str = "4 237\n5 724\n6 2184\n7 6555\n8 19678\n9 59046\n";

#[test]
fn yield_from_is_traced_without_aborting() {
    let dir = std::env::temp_dir().join(format!("mj-python-yield-from-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let source = dir.join("walk.py");
    let log = dir.join("abort.log");
    std::fs::write(&source, YIELD_FROM_PROGRAM).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_mj-python"))
        .arg(&source)
        .env("METAJIT_LOG", format!("jit-abort:{}", log.display()))
        .output()
        .expect("mj-python runs");
    assert_eq!(String::from_utf8_lossy(&out.stdout), YIELD_FROM_EXPECTED);
    let log = std::fs::read_to_string(&log).unwrap_or_default();
    std::fs::remove_dir_all(&dir).ok();
    let at_yield_from: Vec<&str> = log.lines().filter(|l| l.contains("YieldFrom")).collect();
    assert!(
        at_yield_from.is_empty(),
        "aborts at a yield from:\n{}",
        at_yield_from.join("\n")
    );
}

#[test]
fn methods_of_built_in_types_are_constants_in_loops() {
    let log = run_logged(
        "builtin-methods",
        BUILTIN_METHOD_PROGRAM,
        BUILTIN_METHOD_EXPECTED,
    );
    let loops = peeled_loops(&log);
    let (_, body) = loops
        .iter()
        .find(|(h, _)| h.contains("collect:"))
        .unwrap_or_else(|| panic!("collect's loop was compiled:\n{log}"));
    // `str.startswith`, `str.upper`, `list.append` and `dict.get` are
    // found while recording: the loop calls them, and looks none up.
    assert!(body.contains("descr=call_method)"), "{body}");
    for helper in ["load_method_attr", "method_self"] {
        assert!(
            !body.contains(&format!("descr={helper})")),
            "{helper} in the loop:\n{body}"
        );
    }
}

const OPERATOR_PROGRAM: &str = "\
class Vector:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z
    def __add__(self, o):
        return Vector(self.x + o.x, self.y + o.y, self.z + o.z)
    def __mul__(self, k):
        return Vector(self.x * k, self.y * k, self.z * k)
def walk(n):
    v = Vector(0.0, 0.0, 0.0)
    w = Vector(1.0, 2.0, 0.5)
    for i in range(n):
        v = v + w * 0.5
    return v.x, v.y, v.z
print(walk(3000))
";

/// CPython's output of `OPERATOR_PROGRAM`.
const OPERATOR_EXPECTED: &str = "(1500.0, 3000.0, 750.0)\n";

#[test]
fn operators_on_instances_inline_their_methods() {
    let log = run_logged("operator-loops", OPERATOR_PROGRAM, OPERATOR_EXPECTED);
    let loops = peeled_loops(&log);
    let (_, body) = loops
        .iter()
        .find(|(h, _)| h.contains("walk:"))
        .unwrap_or_else(|| panic!("walk's loop was compiled:\n{log}"));
    assert!(
        !body.contains("descr=binary)"),
        "the operator helper in the loop:\n{body}"
    );
    for method in ["Vector.__add__", "Vector.__mul__"] {
        assert!(body.contains(method), "{method} not inlined:\n{body}");
    }
    assert!(body.contains("float_add"), "{body}");
}

//! The `random` module on `runtime::mersenne`, which reproduces CPython's
//! sequences for integer seeds.
//!
//! Generators live in a thread-local table and are named by their index:
//! index 0 is the module's own generator (seeded from the clock at import,
//! as CPython seeds from the OS), and each `random.Random(...)` instance
//! adds one. The functions are built-ins whose first argument is that
//! index: the module-level ones carry index 0 as their receiver, and the
//! `Random` class (a few lines of Python run into the module) passes its
//! own. `getstate()` stores a copy of the generator in the table too and
//! returns `(3, index, None)`: the shape of CPython's tuple, not its
//! contents. A table entry is never freed (a `Random` instance costs 2.5 KB
//! for the program's life).

use super::{arg_count, check_kwargs, exc, kwarg, modules, ops, PyResult};
use crate::bytecode::{BinOp, CmpOp};
use crate::objects::{
    self,
    intern::{intern, intern_static},
    new_int, new_str, Types, Value,
};
use crate::runtime::mersenne::{self, Mersenne};
use crate::runtime::Int;
use crate::runtime_glue::{err, int_value, to_rt_int};
use std::cell::RefCell;
use std::rc::Rc;

thread_local! {
    static GENERATORS: RefCell<Vec<Rc<RefCell<Mersenne>>>> = const { RefCell::new(Vec::new()) };
}

type Fn = fn(&mut Mersenne, &[Value], &[(Value, Value)]) -> PyResult;

/// Run `f` on the generator the index `handle` names.
fn with_gen(handle: Value, args: &[Value], kw: &[(Value, Value)], f: Fn) -> PyResult {
    let i = objects::int_of(handle).and_then(|n| match n {
        objects::IntVal::Small(n) => usize::try_from(n).ok(),
        objects::IntVal::Big(_) => None,
    });
    let g = GENERATORS
        .with(|t| i.and_then(|i| t.borrow().get(i).cloned()))
        .ok_or_else(|| exc::value_error("not a random generator"))?;
    // In place: the state is 2.5 KB. Python code that a call runs (a
    // population's `__getitem__`, a weight's `__add__`) cannot use the
    // same generator meanwhile.
    let busy = g.try_borrow_mut();
    match busy {
        Ok(mut g) => f(&mut g, args, kw),
        Err(_) => Err(exc::new(
            "RuntimeError",
            Some("random generator used while it is busy".to_string()),
        )),
    }
}

fn add_generator(g: Mersenne) -> Value {
    GENERATORS.with(|t| {
        let mut t = t.borrow_mut();
        t.push(Rc::new(RefCell::new(g)));
        new_int(t.len() as i64 - 1)
    })
}

/// The seed CPython derives from `a`: ints as they are, floats by their
/// hash, `None` from the clock. Strings and bytes are seeded from their
/// hash too, which does not match CPython's SHA-512 of the text.
fn seed_value(a: Option<Value>) -> PyResult<Int> {
    let t = Types::get();
    match a {
        None => Ok(clock_seed()),
        Some(v) if v == t.none => Ok(clock_seed()),
        Some(v) => {
            if let Some(n) = to_rt_int(v) {
                return Ok(n);
            }
            let name = objects::types::type_name(v);
            if matches!(&*name, "float" | "str" | "bytes" | "bytearray") {
                return Ok(Int::Small(ops::hash(v)?));
            }
            Err(exc::type_error(
                "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
            ))
        }
    }
}

fn clock_seed() -> Int {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let mixed = nanos ^ ((std::process::id() as u128) << 64);
    Int::from_big(mixed.into())
}

fn int_arg(v: Value) -> PyResult<Int> {
    to_rt_int(v).ok_or_else(|| {
        exc::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            objects::types::type_name(v)
        ))
    })
}

fn float_arg(v: Value) -> PyResult<f64> {
    if let Some(f) = objects::float_of(objects::base_value(v)) {
        return Ok(f);
    }
    if let Some(n) = objects::int_of(v) {
        return super::number::int_to_f64(&n);
    }
    Err(exc::type_error(format!(
        "must be real number, not {}",
        objects::types::type_name(v)
    )))
}

fn index(i: usize) -> Value {
    new_int(i as i64)
}

fn seed(g: &mut Mersenne, args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("seed", kw, &["a", "version"])?;
    arg_count("seed", args, 0, 2)?;
    g.seed(&seed_value(args.first().copied().or(kwarg(kw, "a")))?);
    Ok(Types::get().none)
}

fn random(g: &mut Mersenne, args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("random", args, 0, 0)?;
    Ok(objects::new_float(g.random()))
}

fn getrandbits(g: &mut Mersenne, args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("getrandbits", args, 1, 1)?;
    let k = super::number::to_index(args[0])?;
    g.getrandbits(k).map(int_value).map_err(err)
}

fn randrange(g: &mut Mersenne, args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("randrange", kw, &["start", "stop", "step"])?;
    let t = Types::get();
    let start = args.first().copied().or(kwarg(kw, "start"));
    let Some(start) = start else {
        return Err(exc::type_error(
            "Random.randrange() missing 1 required positional argument: 'start'",
        ));
    };
    let stop = args
        .get(1)
        .copied()
        .or(kwarg(kw, "stop"))
        .filter(|&v| v != t.none);
    let step = args.get(2).copied().or(kwarg(kw, "step"));
    let start = int_arg(start)?;
    let stop = stop.map(int_arg).transpose()?;
    let step = step.map(int_arg).transpose()?.unwrap_or(Int::Small(1));
    mersenne::randrange(g, &start, stop.as_ref(), &step)
        .map(int_value)
        .map_err(err)
}

fn randint(g: &mut Mersenne, args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("randint", args, 2, 2)?;
    mersenne::randint(g, &int_arg(args[0])?, &int_arg(args[1])?)
        .map(int_value)
        .map_err(err)
}

fn choice(g: &mut Mersenne, args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("choice", args, 1, 1)?;
    let n = ops::len(args[0])?;
    let i = mersenne::choice_index(g, n as usize).map_err(err)?;
    ops::getitem(args[0], index(i))
}

fn shuffle(g: &mut Mersenne, args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("shuffle", args, 1, 1)?;
    let x = args[0];
    if let Some(list) = objects::get::<objects::PyList>(objects::base_value(x)) {
        let mut items = list.to_vec();
        mersenne::shuffle(g, &mut items);
        list.set_all(&items);
        return Ok(Types::get().none);
    }
    // Any other mutable sequence: the same swaps through its items.
    let n = ops::len(x)?;
    for i in (1..n as usize).rev() {
        let j = g.randbelow_u64(i as u64 + 1) as usize;
        let (a, b) = (ops::getitem(x, index(i))?, ops::getitem(x, index(j))?);
        ops::setitem(x, index(i), b)?;
        ops::setitem(x, index(j), a)?;
    }
    Ok(Types::get().none)
}

fn is_set(v: Value) -> bool {
    objects::get::<objects::PySet>(objects::base_value(v)).is_some()
        || objects::type_id(objects::base_value(v)) == Some(objects::DICT)
}

/// The running sums of `values` (Python `+`, so ints stay exact).
fn accumulate(values: Value) -> PyResult<Vec<Value>> {
    let mut sums: Vec<Value> = Vec::new();
    for &v in ops::collect(values)?.iter() {
        let next = match sums.last() {
            Some(&s) => ops::binary(BinOp::Add, s, v, false)?,
            None => v,
        };
        sums.push(next);
    }
    Ok(sums)
}

/// `bisect_right(sums, x, 0, hi)`.
fn bisect_right(sums: &[Value], x: Value, hi: usize) -> PyResult<usize> {
    let (mut lo, mut hi) = (0, hi);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if ops::truthy(ops::compare(CmpOp::Lt, x, sums[mid])?)? {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn sample(g: &mut Mersenne, args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("sample", kw, &["population", "k", "counts"])?;
    let t = Types::get();
    let population = args.first().copied().or(kwarg(kw, "population"));
    let k = args.get(1).copied().or(kwarg(kw, "k"));
    let (Some(population), Some(k)) = (population, k) else {
        return Err(exc::type_error(
            "Random.sample() missing 1 required positional argument: 'k'",
        ));
    };
    if is_set(population) {
        return Err(exc::type_error(
            "Population must be a sequence.  For dicts or sets, use sorted(d).",
        ));
    }
    let k = super::number::to_index(k)?;
    if let Some(counts) = kwarg(kw, "counts").filter(|&c| c != t.none) {
        let mut sums = accumulate(counts)?;
        if sums.len() as i64 != ops::len(population)? {
            return Err(exc::value_error(
                "The number of counts does not match the population",
            ));
        }
        let Some(total) = sums.pop() else {
            return Err(exc::value_error(
                "Total of counts must be greater than zero",
            ));
        };
        let total = super::number::to_index(total)
            .map_err(|_| exc::type_error("Counts must be integers"))?;
        if total <= 0 {
            return Err(exc::value_error(
                "Total of counts must be greater than zero",
            ));
        }
        let picks = mersenne::sample_indices(g, total as usize, k).map_err(err)?;
        let mut out = Vec::with_capacity(picks.len());
        for s in picks {
            let i = bisect_right(&sums, index(s), sums.len())?;
            out.push(ops::getitem(population, index(i))?);
        }
        return Ok(objects::new_list(out));
    }
    let n = ops::len(population)?;
    let picks = mersenne::sample_indices(g, n as usize, k).map_err(err)?;
    let mut out = Vec::with_capacity(picks.len());
    for i in picks {
        out.push(ops::getitem(population, index(i))?);
    }
    Ok(objects::new_list(out))
}

fn choices(g: &mut Mersenne, args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs(
        "choices",
        kw,
        &["population", "weights", "cum_weights", "k"],
    )?;
    arg_count("choices", args, 1, 2)?;
    let t = Types::get();
    let population = args[0];
    let weights = args
        .get(1)
        .copied()
        .or(kwarg(kw, "weights"))
        .filter(|&w| w != t.none);
    let cum_weights = kwarg(kw, "cum_weights").filter(|&w| w != t.none);
    let k = match kwarg(kw, "k") {
        Some(k) => super::number::to_index(k)?,
        None => 1,
    };
    let n = ops::len(population)?;
    let mut out = Vec::with_capacity(k.max(0) as usize);
    let sums = match (weights, cum_weights) {
        (None, None) => {
            for _ in 0..k {
                let i = (g.random() * n as f64).floor() as i64;
                out.push(ops::getitem(population, new_int(i))?);
            }
            return Ok(objects::new_list(out));
        }
        (Some(w), None) => accumulate(w)?,
        (None, Some(c)) => ops::collect(c)?.to_vec(),
        (Some(_), Some(_)) => {
            return Err(exc::type_error(
                "Cannot specify both weights and cumulative weights",
            ))
        }
    };
    if sums.len() as i64 != n {
        return Err(exc::value_error(
            "The number of weights does not match the population",
        ));
    }
    let total = float_arg(*sums.last().unwrap_or(&new_int(0)))?;
    if total <= 0.0 {
        return Err(exc::value_error(
            "Total of weights must be greater than zero",
        ));
    }
    if !total.is_finite() {
        return Err(exc::value_error("Total of weights must be finite"));
    }
    for _ in 0..k {
        let x = objects::new_float(g.random() * total);
        let i = bisect_right(&sums, x, n as usize - 1)?;
        out.push(ops::getitem(population, index(i))?);
    }
    Ok(objects::new_list(out))
}

fn uniform(g: &mut Mersenne, args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("uniform", args, 2, 2)?;
    Ok(objects::new_float(
        g.uniform(float_arg(args[0])?, float_arg(args[1])?),
    ))
}

/// The `mu` (default 0) and `sigma` (default 1) of `gauss` and
/// `normalvariate`, positional or by keyword.
fn mu_sigma(name: &str, args: &[Value], kw: &[(Value, Value)]) -> PyResult<(f64, f64)> {
    check_kwargs(name, kw, &["mu", "sigma"])?;
    arg_count(name, args, 0, 2)?;
    let param = |i: usize, key: &str, default: f64| -> PyResult<f64> {
        match args.get(i).copied().or(kwarg(kw, key)) {
            Some(v) => float_arg(v),
            None => Ok(default),
        }
    };
    Ok((param(0, "mu", 0.0)?, param(1, "sigma", 1.0)?))
}

fn gauss(g: &mut Mersenne, args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    let (mu, sigma) = mu_sigma("gauss", args, kw)?;
    Ok(objects::new_float(g.gauss(mu, sigma)))
}

fn normalvariate(g: &mut Mersenne, args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    let (mu, sigma) = mu_sigma("normalvariate", args, kw)?;
    Ok(objects::new_float(g.normalvariate(mu, sigma)))
}

fn expovariate(g: &mut Mersenne, args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("expovariate", kw, &["lambd"])?;
    arg_count("expovariate", args, 0, 1)?;
    let lambd = args
        .first()
        .copied()
        .or(kwarg(kw, "lambd"))
        .map(float_arg)
        .transpose()?
        .unwrap_or(1.0);
    let u = g.random();
    if lambd == 0.0 {
        return Err(exc::zero_division("float division by zero"));
    }
    Ok(objects::new_float(-(1.0 - u).ln() / lambd))
}

fn triangular(g: &mut Mersenne, args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("triangular", kw, &["low", "high", "mode"])?;
    arg_count("triangular", args, 0, 3)?;
    let arg = |i: usize, name: &str| {
        args.get(i)
            .copied()
            .or(kwarg(kw, name))
            .filter(|&v| v != Types::get().none)
    };
    let mut low = arg(0, "low").map(float_arg).transpose()?.unwrap_or(0.0);
    let mut high = arg(1, "high").map(float_arg).transpose()?.unwrap_or(1.0);
    let mode = arg(2, "mode").map(float_arg).transpose()?;
    let mut u = g.random();
    if high == low {
        return Ok(objects::new_float(low));
    }
    let mut c = mode.map_or(0.5, |m| (m - low) / (high - low));
    if u > c {
        u = 1.0 - u;
        c = 1.0 - c;
        std::mem::swap(&mut low, &mut high);
    }
    Ok(objects::new_float(low + (high - low) * (u * c).sqrt()))
}

/// CPython's gamma sampler: Cheng's method above 1, an exponential at 1,
/// Ahrens and Dieter's method below.
fn gamma_sample(g: &mut Mersenne, alpha: f64, beta: f64) -> PyResult<f64> {
    if alpha <= 0.0 || beta <= 0.0 {
        return Err(exc::value_error(
            "gammavariate: alpha and beta must be > 0.0",
        ));
    }
    if alpha > 1.0 {
        let ainv = (2.0 * alpha - 1.0).sqrt();
        let bbb = alpha - 4f64.ln();
        let ccc = alpha + ainv;
        let magic = 1.0 + 4.5f64.ln();
        loop {
            let u1 = g.random();
            if !(1e-7 < u1 && u1 < 0.9999999) {
                continue;
            }
            let u2 = 1.0 - g.random();
            let v = (u1 / (1.0 - u1)).ln() / ainv;
            let x = alpha * v.exp();
            let z = u1 * u1 * u2;
            let r = bbb + ccc * v - x;
            if r + magic - 4.5 * z >= 0.0 || r >= z.ln() {
                return Ok(x * beta);
            }
        }
    }
    if alpha == 1.0 {
        return Ok(-(1.0 - g.random()).ln() * beta);
    }
    let e = std::f64::consts::E;
    loop {
        let u = g.random();
        let b = (e + alpha) / e;
        let p = b * u;
        let x = if p <= 1.0 {
            p.powf(1.0 / alpha)
        } else {
            -((b - p) / alpha).ln()
        };
        let u1 = g.random();
        let accept = if p > 1.0 {
            u1 <= x.powf(alpha - 1.0)
        } else {
            u1 <= (-x).exp()
        };
        if accept {
            return Ok(x * beta);
        }
    }
}

fn gammavariate(g: &mut Mersenne, args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("gammavariate", args, 2, 2)?;
    gamma_sample(g, float_arg(args[0])?, float_arg(args[1])?).map(objects::new_float)
}

fn betavariate(g: &mut Mersenne, args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("betavariate", args, 2, 2)?;
    let (alpha, beta) = (float_arg(args[0])?, float_arg(args[1])?);
    let y = gamma_sample(g, alpha, 1.0)?;
    if y == 0.0 {
        return Ok(objects::new_float(0.0));
    }
    Ok(objects::new_float(y / (y + gamma_sample(g, beta, 1.0)?)))
}

fn getstate(g: &mut Mersenne, args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("getstate", args, 0, 0)?;
    let copy = add_generator(g.clone());
    Ok(objects::new_tuple(vec![
        new_int(3),
        copy,
        Types::get().none,
    ]))
}

fn setstate(g: &mut Mersenne, args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("setstate", args, 1, 1)?;
    let saved = objects::tuple_items(args[0])
        .filter(|t| t.len() == 3)
        .and_then(|t| objects::int_of(t[1]))
        .and_then(|n| match n {
            objects::IntVal::Small(n) => usize::try_from(n).ok(),
            objects::IntVal::Big(_) => None,
        })
        .and_then(|i| {
            GENERATORS.with(|t| {
                t.borrow()
                    .get(i)
                    .and_then(|g| g.try_borrow().ok().map(|g| g.clone()))
            })
        })
        .ok_or_else(|| exc::value_error("state vector is the wrong size"))?;
    *g = saved;
    Ok(Types::get().none)
}

/// `_new_generator(x=None)`: the index of a new generator seeded from `x`.
fn new_generator(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("Random", args, 0, 1)?;
    Ok(add_generator(Mersenne::new(&seed_value(
        args.first().copied(),
    )?)))
}

macro_rules! entry_points {
    ($($name:ident),*) => {
        /// Each generator function as a built-in taking the generator's
        /// index first.
        const FUNCTIONS: &[(&str, super::BuiltinFn)] = &[$(
            (stringify!($name), {
                fn entry(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
                    let Some((&handle, rest)) = args.split_first() else {
                        return Err(exc::type_error(concat!(stringify!($name), "() needs a generator")));
                    };
                    with_gen(handle, rest, kw, $name)
                }
                entry
            }),
        )*];
    };
}

entry_points!(
    seed,
    random,
    getrandbits,
    randrange,
    randint,
    choice,
    shuffle,
    sample,
    choices,
    uniform,
    gauss,
    normalvariate,
    expovariate,
    triangular,
    gammavariate,
    betavariate,
    getstate,
    setstate
);

/// `random.Random`: each method passes the instance's generator index.
const RANDOM_CLASS: &str = "
class Random:
    def __init__(self, x=None):
        self._gen = _new_generator(x)
    def seed(self, a=None, version=2):
        _g_seed(self._gen, a)
    def random(self):
        return _g_random(self._gen)
    def getrandbits(self, k):
        return _g_getrandbits(self._gen, k)
    def randrange(self, start, stop=None, step=1):
        return _g_randrange(self._gen, start, stop, step)
    def randint(self, a, b):
        return _g_randint(self._gen, a, b)
    def choice(self, seq):
        return _g_choice(self._gen, seq)
    def shuffle(self, x):
        return _g_shuffle(self._gen, x)
    def sample(self, population, k, *, counts=None):
        return _g_sample(self._gen, population, k, counts=counts)
    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        return _g_choices(self._gen, population, weights, cum_weights=cum_weights, k=k)
    def uniform(self, a, b):
        return _g_uniform(self._gen, a, b)
    def gauss(self, mu=0.0, sigma=1.0):
        return _g_gauss(self._gen, mu, sigma)
    def normalvariate(self, mu=0.0, sigma=1.0):
        return _g_normalvariate(self._gen, mu, sigma)
    def expovariate(self, lambd=1.0):
        return _g_expovariate(self._gen, lambd)
    def triangular(self, low=0.0, high=1.0, mode=None):
        return _g_triangular(self._gen, low, high, mode)
    def gammavariate(self, alpha, beta):
        return _g_gammavariate(self._gen, alpha, beta)
    def betavariate(self, alpha, beta):
        return _g_betavariate(self._gen, alpha, beta)
    def getstate(self):
        return _g_getstate(self._gen)
    def setstate(self, state):
        return _g_setstate(self._gen, state)
";

/// The module: the functions bound to generator 0, the `_g_*` forms taking
/// an index, and the `Random` class.
pub fn module() -> PyResult {
    GENERATORS.with(|t| {
        let mut t = t.borrow_mut();
        if t.is_empty() {
            t.push(Rc::new(RefCell::new(Mersenne::new(&clock_seed()))));
        }
    });
    let (m, g) = modules::new_module("random");
    let bind = |name: &'static str, f: super::BuiltinFn, receiver: Value| {
        objects::alloc(objects::PyBuiltin {
            name,
            f,
            receiver,
            owner: 0,
        })
    };
    for &(name, f) in FUNCTIONS {
        super::dict::set_item(g, intern(name), bind(name, f, new_int(0)))?;
        super::dict::set_item(g, new_str(&format!("_g_{name}")), bind(name, f, 0))?;
    }
    super::dict::set_item(
        g,
        intern_static("_new_generator"),
        bind("Random", new_generator, 0),
    )?;
    let code = crate::compile_source(
        RANDOM_CLASS,
        "<frozen random>",
        g,
        crate::compiler::CompileMode::Exec,
    )?;
    let frame = crate::interp::runtime::new_frame(code);
    crate::interp::runtime::run_frame(code, 0, frame)?;
    Ok(m)
}

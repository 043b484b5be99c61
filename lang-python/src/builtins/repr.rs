//! `repr()` of every kind of value, as CPython prints it (containers
//! guard against printing themselves: `[...]`).

use super::{exc, ops, string, PyResult};
use crate::interp::call_object;
use crate::objects::{self, get, str_of, types, Types, Value};
use std::cell::RefCell;

thread_local! {
    /// Containers being printed now (for `[...]`).
    static ACTIVE: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

pub(crate) fn guarded(
    v: Value,
    open: &str,
    close: &str,
    f: impl FnOnce() -> PyResult<String>,
) -> PyResult<String> {
    if ACTIVE.with(|a| a.borrow().contains(&v)) {
        return Ok(format!("{open}...{close}"));
    }
    ACTIVE.with(|a| a.borrow_mut().push(v));
    let r = f();
    ACTIVE.with(|a| a.borrow_mut().pop());
    r
}

fn join(items: &[Value]) -> PyResult<String> {
    let mut parts = Vec::with_capacity(items.len());
    for &x in items {
        parts.push(ops::repr(x)?);
    }
    Ok(parts.join(", "))
}

pub fn addr(v: Value) -> String {
    format!("0x{:012x}", v)
}

pub fn repr(v: Value) -> PyResult<String> {
    let t = Types::get();
    if objects::is_small_int(v) {
        return Ok(objects::small_int_value(v).to_string());
    }
    if let Some(f) = objects::float_of(v) {
        return Ok(crate::runtime_glue::float_repr(f));
    }
    if let Some(f) = ops::user_special(v, "__repr__") {
        let r = call_object(f, &[v], &[])?;
        return match str_of(r) {
            Some(s) => Ok(s.to_string()),
            None => Err(exc::type_error(format!(
                "__repr__ returned non-string (type {})",
                types::type_name(r)
            ))),
        };
    }
    match objects::type_id(v) {
        Some(objects::STR) => Ok(string::repr_value(get::<objects::PyStr>(v).unwrap())),
        Some(objects::LONG) => {
            let n = crate::runtime_glue::to_rt_int(v).unwrap();
            crate::runtime::int_text::int_to_decimal(&n).map_err(crate::runtime_glue::err)
        }
        Some(objects::BOOL) => Ok(if v == t.true_ { "True" } else { "False" }.into()),
        Some(objects::SINGLETON) => Ok(get::<objects::PySingleton>(v).unwrap().name.into()),
        Some(objects::LIST) => guarded(v, "[", "]", || {
            // Item by item, read again after each repr (which may change
            // the list), as CPython does.
            let mut parts = Vec::new();
            let mut i = 0;
            while let Some(x) = objects::seq_item(v, i) {
                parts.push(ops::repr(x)?);
                i += 1;
            }
            Ok(format!("[{}]", parts.join(", ")))
        }),
        Some(objects::TUPLE) => guarded(v, "(", ")", || {
            let items = objects::tuple_items(v).unwrap();
            if items.len() == 1 {
                Ok(format!("({},)", ops::repr(items[0])?))
            } else {
                Ok(format!("({})", join(items)?))
            }
        }),
        Some(objects::DICT) => guarded(v, "{", "}", || {
            let mut parts = Vec::new();
            for (k, x) in super::dict::items(v) {
                parts.push(format!("{}: {}", ops::repr(k)?, ops::repr(x)?));
            }
            Ok(format!("{{{}}}", parts.join(", ")))
        }),
        Some(objects::SET) => {
            let s = get::<objects::PySet>(v).unwrap();
            let name = if s.frozen { "frozenset" } else { "set" };
            let keys = super::set::keys(v);
            if keys.is_empty() {
                return Ok(format!("{name}()"));
            }
            guarded(v, &format!("{name}("), ")", || {
                let inner = format!("{{{}}}", join(&keys)?);
                Ok(if s.frozen {
                    format!("frozenset({inner})")
                } else {
                    inner
                })
            })
        }
        Some(objects::BYTES) => Ok(string::repr_bytes(&get::<objects::PyBytes>(v).unwrap().b)),
        Some(objects::BYTEARRAY) => Ok(format!(
            "bytearray({})",
            string::repr_bytes(&get::<objects::PyByteArray>(v).unwrap().b.borrow())
        )),
        Some(objects::FUNCTION) => {
            let f = get::<objects::PyFunction>(v).unwrap();
            Ok(format!(
                "<function {} at {}>",
                str_of(f.qualname.get()).unwrap_or("?"),
                addr(v)
            ))
        }
        Some(objects::BUILTIN) => {
            let b = get::<objects::PyBuiltin>(v).unwrap();
            if b.receiver != 0 {
                Ok(format!(
                    "<built-in method {} of {} object at {}>",
                    b.name,
                    types::type_name(b.receiver),
                    addr(b.receiver)
                ))
            } else if b.owner != 0 {
                Ok(format!(
                    "<method '{}' of '{}' objects>",
                    b.name,
                    types::class_name(b.owner)
                ))
            } else {
                Ok(format!("<built-in function {}>", b.name))
            }
        }
        Some(objects::METHOD) => {
            let m = get::<objects::PyMethod>(v).unwrap();
            let name = get::<objects::PyFunction>(m.func)
                .and_then(|f| str_of(f.qualname.get()))
                .unwrap_or("?")
                .to_string();
            Ok(format!(
                "<bound method {} of {}>",
                name,
                ops::repr(m.receiver)?
            ))
        }
        Some(objects::CLASS) => {
            let c = get::<objects::PyClass>(v).unwrap();
            if c.builtin {
                return Ok(format!("<class '{}'>", c.name.borrow()));
            }
            let module = ops::lookup_in_mro(v, objects::intern::intern_static("__module__"))
                .and_then(str_of)
                .unwrap_or("__main__")
                .to_string();
            Ok(format!("<class '{}.{}'>", module, c.qualname.borrow()))
        }
        Some(objects::MODULE) => {
            let m = get::<objects::PyModule>(v).unwrap();
            let name = str_of(m.name).unwrap_or("?");
            match super::dict::get_str(m.dict, objects::intern::intern_static("__file__"))
                .and_then(str_of)
            {
                Some(f) => Ok(format!("<module '{name}' from '{f}'>")),
                None => Ok(format!("<module '{name}' (built-in)>")),
            }
        }
        Some(objects::RANGE) => Ok(super::range::repr(v)),
        Some(objects::UNION) => super::union::repr(v),
        Some(objects::COMPLEX) => Ok(super::complex::repr(v).unwrap_or_default()),
        Some(objects::SLICE) => {
            let s = get::<objects::PySlice>(v).unwrap();
            Ok(format!(
                "slice({}, {}, {})",
                ops::repr(s.start)?,
                ops::repr(s.stop)?,
                ops::repr(s.step)?
            ))
        }
        Some(objects::GENERATOR) => {
            let g = get::<objects::PyGenerator>(v).unwrap();
            Ok(format!(
                "<generator object {} at {}>",
                str_of(g.qualname).unwrap_or("?"),
                addr(v)
            ))
        }
        Some(objects::VIEW) => super::views::repr(v),
        Some(objects::MAPPINGPROXY) => super::mappingproxy::repr(v),
        Some(objects::DEQUE) => super::deque::repr(v),
        Some(objects::FILE) => super::files::repr(v),
        Some(objects::CELL) => Ok(format!("<cell at {}>", addr(v))),
        Some(objects::WRAPPER) => {
            let w = get::<objects::PyWrapper>(v).unwrap();
            let name = match w.kind {
                objects::WrapperKind::Property => "property",
                objects::WrapperKind::ClassMethod => "classmethod",
                objects::WrapperKind::StaticMethod => "staticmethod",
            };
            Ok(format!("<{name} object at {}>", addr(v)))
        }
        Some(objects::ITER) => Ok(format!(
            "<{} object at {}>",
            super::iter_kind_name(v),
            addr(v)
        )),
        Some(objects::INSTANCE) => {
            if exc::is_exception(v) {
                let args = exc::args_of(v);
                let name = types::type_name(v);
                return Ok(if args.len() == 1 {
                    format!("{name}({})", ops::repr(args[0])?)
                } else {
                    format!("{name}({})", join(&args)?)
                });
            }
            let b = objects::base_value(v);
            if objects::type_id(b) == Some(objects::DEQUE) {
                return super::deque::repr(v);
            }
            if b != v {
                return repr(b);
            }
            let class = objects::class_of(v);
            let c = get::<objects::PyClass>(class).unwrap();
            if c.builtin {
                return Ok(format!("<{} object at {}>", c.qualname.borrow(), addr(v)));
            }
            let module = ops::lookup_in_mro(class, objects::intern::intern_static("__module__"))
                .and_then(str_of)
                .unwrap_or("__main__")
                .to_string();
            Ok(format!(
                "<{}.{} object at {}>",
                module,
                c.qualname.borrow(),
                addr(v)
            ))
        }
        _ => Ok(format!("<{} object at {}>", types::type_name(v), addr(v))),
    }
}

//! `str.format` template splitting, field names and numbering against
//! `tests/data/template.tsv`.

use crate::support::*;
use lang_python::runtime::format_spec;
use lang_python::runtime::format_template::{
    split_field_name, Accessor, FieldKey, Numbering, Template,
};
use lang_python::runtime::{Int, PyErr, PyResult};

fn chunks(text: &str) -> String {
    let mut out = Vec::new();
    for chunk in Template::new(text) {
        match chunk {
            Err(e) => out.push(show_err(&e)),
            Ok(c) => match c.field {
                None => out.push(c.literal.to_string()),
                Some(f) => out.push(
                    [
                        c.literal.to_string(),
                        f.name.to_string(),
                        f.conversion.map(String::from).unwrap_or_default(),
                        f.spec.to_string(),
                    ]
                    .join("\x1f"),
                ),
            },
        }
    }
    out.join("\x1e")
}

fn field_name(name: &str) -> String {
    let (key, accessors) = match split_field_name(name) {
        Ok(split) => split,
        Err(e) => return show_err(&e),
    };
    let mut out = vec![match key {
        FieldKey::Auto => String::new(),
        FieldKey::Index(i) => format!("#{i}"),
        FieldKey::Name(n) => n.to_string(),
    }];
    for accessor in accessors {
        out.push(match accessor {
            Ok(Accessor::Attr(a)) => format!(".{a}"),
            Ok(Accessor::Index(i)) => format!("#{i}"),
            Ok(Accessor::Key(k)) => format!("[{k}"),
            Err(e) => show_err(&e),
        });
    }
    out.join("\x1e")
}

/// `template.format(*range(10), a='A', b='B')` for templates whose fields
/// only read positions or keywords (and `.real`), with nested specs.
fn format_ints(template: &str, numbering: &mut Numbering, depth: u32) -> PyResult<String> {
    if depth == 0 {
        return Err(PyErr::value("Max string recursion exceeded"));
    }
    let mut out = String::new();
    for chunk in Template::new(template) {
        let chunk = chunk?;
        out.push_str(chunk.literal);
        let Some(field) = chunk.field else { continue };
        let (key, accessors) = split_field_name(field.name)?;
        let value = match numbering.resolve(key)? {
            FieldKey::Index(i) => i.to_string(),
            FieldKey::Name(n) => n.to_uppercase(),
            FieldKey::Auto => unreachable!("resolved"),
        };
        for accessor in accessors {
            assert_eq!(accessor?, Accessor::Attr("real"));
        }
        let spec = if field.spec_has_fields {
            format_ints(field.spec, numbering, depth - 1)?
        } else {
            field.spec.to_string()
        };
        match value.parse::<i64>() {
            Ok(n) => out.push_str(&format_spec::format_int(&Int::Small(n), &spec)?),
            Err(_) => out.push_str(&format_spec::format_str(&value, &spec)?),
        }
    }
    Ok(out)
}

#[test]
fn templates_match_cpython() {
    let data = rows(include_str!("../data/template.tsv"));
    check_all(
        "str.format templates",
        data.iter().filter_map(|r| {
            let got = match r[0].as_str() {
                "template" => chunks(&r[1]),
                "name" => field_name(&r[1]),
                _ => {
                    // Lookup errors belong to the caller's objects.
                    if ["!TypeError", "!KeyError", "!IndexError"]
                        .iter()
                        .any(|p| r[2].starts_with(p))
                    {
                        return None;
                    }
                    match format_ints(&r[1], &mut Numbering::default(), 2) {
                        Ok(text) => text,
                        Err(e) => show_err(&e),
                    }
                }
            };
            Some((format!("{} {:?}", r[0], r[1]), r[2].clone(), got))
        }),
    );
}

//! The Unicode character properties that `str`'s case methods and
//! predicates need beyond Rust's `char`: titlecase (from the
//! `unicode-case-mapping` crate, since std has no titlecase mapping and
//! its full table from SpecialCasing is not worth keeping by hand), full
//! case folding, and the numeric types that tell `isdecimal`, `isdigit`
//! and `isnumeric` apart.
//!
//! Case folding is derived from std's full case mappings: for every code
//! point but two small families, CPython 3.11's `casefold()` equals the
//! lowercase of the uppercase of the lowercase (checked over all of
//! Unicode against CPython), so no folding table is needed.

use super::decimal_digit_value;

/// Append the titlecase of `c` (one to three characters) to `out`.
pub fn push_titlecase(out: &mut String, c: char) {
    let mapped = unicode_case_mapping::to_titlecase(c);
    if mapped == [0; 3] {
        out.push(c);
        return;
    }
    out.extend(
        mapped
            .iter()
            .take_while(|&&u| u != 0)
            .filter_map(|&u| char::from_u32(u)),
    );
}

/// Titlecase letters (category Lt, such as `ǅ`): neither upper nor lower
/// case, yet mapped by both.
pub fn is_titlecase(c: char) -> bool {
    !c.is_uppercase() && !c.is_lowercase() && c.to_uppercase().ne([c]) && c.to_lowercase().ne([c])
}

/// Python's "cased": upper, lower or titlecase.
pub fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase() || is_titlecase(c)
}

/// Append the full case folding of `c` (`str.casefold()`) to `out`.
pub fn push_casefold(out: &mut String, c: char) {
    let cp = c as u32;
    // Cherokee folds to the capitals (the only script whose folding goes
    // to uppercase); the dotless i stays as it is.
    if matches!(cp, 0x13a0..=0x13f5 | 0x13f8..=0x13fd | 0xab70..=0xabbf) {
        out.extend(c.to_uppercase());
        return;
    }
    if c == 'ı' {
        out.push(c);
        return;
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => out.extend(l.to_uppercase().flat_map(char::to_lowercase)),
        // Only `İ` lowercases to two characters; that is its folding too.
        _ => out.extend(c.to_lowercase()),
    }
}

/// Characters that casing skips over when it looks for a neighbouring
/// letter (Unicode's Case_Ignorable, for the characters that occur in
/// text: apostrophes, word-internal punctuation, combining marks).
fn is_case_ignorable(c: char) -> bool {
    matches!(
        c,
        '\'' | '.' | ':' | '^' | '`' | '\u{b7}' | '\u{2019}' | '\u{300}'..='\u{36f}'
    )
}

/// Append the lowercase of `chars[i]` to `out`: a capital sigma at the end
/// of a word (after a cased letter, before none) becomes a final sigma, as
/// `str.lower()` does it (std's `str::to_lowercase` too, but this one sees
/// the whole string when only one character is lowered).
pub fn push_lowercase_at(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c != 'Σ' {
        out.extend(c.to_lowercase());
        return;
    }
    let mut before = chars[..i].iter().rev().filter(|&&x| !is_case_ignorable(x));
    let mut after = chars[i + 1..].iter().filter(|&&x| !is_case_ignorable(x));
    let final_sigma =
        before.next().is_some_and(|&x| is_cased(x)) && !after.next().is_some_and(|&x| is_cased(x));
    out.push(if final_sigma { 'ς' } else { 'σ' });
}

/// Characters of Numeric_Type=Digit (Unicode 14, as CPython 3.11): digits
/// that `isdigit()` accepts although they are not decimal (superscripts,
/// circled digits, ...).
const DIGIT_RANGES: [(u32, u32); 20] = [
    (0xb2, 0xb3),
    (0xb9, 0xb9),
    (0x1369, 0x1371),
    (0x19da, 0x19da),
    (0x2070, 0x2070),
    (0x2074, 0x2079),
    (0x2080, 0x2089),
    (0x2460, 0x2468),
    (0x2474, 0x247c),
    (0x2488, 0x2490),
    (0x24ea, 0x24ea),
    (0x24f5, 0x24fd),
    (0x24ff, 0x24ff),
    (0x2776, 0x277e),
    (0x2780, 0x2788),
    (0x278a, 0x2792),
    (0x10a40, 0x10a43),
    (0x10e60, 0x10e68),
    (0x11052, 0x1105a),
    (0x1f100, 0x1f10a),
];

/// Ideographs with a numeric value (Numeric_Type=Numeric from Unihan) but
/// of category Lo, so `char::is_numeric` misses them: `'一'.isnumeric()`.
const NUMERIC_IDEOGRAPHS: [u32; 81] = [
    0x3405, 0x3483, 0x382a, 0x3b4d, 0x4e00, 0x4e03, 0x4e07, 0x4e09, 0x4e5d, 0x4e8c, 0x4e94, 0x4e96,
    0x4ebf, 0x4ec0, 0x4edf, 0x4ee8, 0x4f0d, 0x4f70, 0x5104, 0x5146, 0x5169, 0x516b, 0x516d, 0x5341,
    0x5343, 0x5344, 0x5345, 0x534c, 0x53c1, 0x53c2, 0x53c3, 0x53c4, 0x56db, 0x58f1, 0x58f9, 0x5e7a,
    0x5efe, 0x5eff, 0x5f0c, 0x5f0d, 0x5f0e, 0x5f10, 0x62fe, 0x634c, 0x67d2, 0x6f06, 0x7396, 0x767e,
    0x8086, 0x842c, 0x8cae, 0x8cb3, 0x8d30, 0x9621, 0x9646, 0x964c, 0x9678, 0x96f6, 0xf96b, 0xf973,
    0xf978, 0xf9b2, 0xf9d1, 0xf9d3, 0xf9fd, 0x20001, 0x20064, 0x200e2, 0x20121, 0x2092a, 0x20983,
    0x2098c, 0x2099c, 0x20aea, 0x20afd, 0x20b19, 0x22390, 0x22998, 0x23b1b, 0x2626d, 0x2f890,
];

/// `str.isdecimal()` of one character.
pub fn is_decimal(c: char) -> bool {
    decimal_digit_value(c).is_some()
}

/// `str.isdigit()` of one character: decimal or Numeric_Type=Digit.
pub fn is_digit(c: char) -> bool {
    let cp = c as u32;
    is_decimal(c) || DIGIT_RANGES.iter().any(|&(lo, hi)| (lo..=hi).contains(&cp))
}

/// `str.isnumeric()` of one character: any numeric type.
pub fn is_numeric(c: char) -> bool {
    c.is_numeric() || NUMERIC_IDEOGRAPHS.binary_search(&(c as u32)).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(s: &str) -> String {
        let mut out = String::new();
        s.chars().for_each(|c| push_casefold(&mut out, c));
        out
    }

    #[test]
    fn casefold_matches_cpython() {
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("ΣΑΣ ς"), "σασ σ");
        assert_eq!(fold("ẞﬁ"), "ssfi");
        assert_eq!(fold("İı"), "i\u{307}ı");
        assert_eq!(fold("ꭰᏸᏰ"), "ᎠᏰᏰ");
    }

    #[test]
    fn titlecase_of_digraphs_and_ligatures() {
        let mut out = String::new();
        for c in ['ǆ', 'Ǆ', 'ß', 'ﬁ', 'a', '1'] {
            push_titlecase(&mut out, c);
        }
        assert_eq!(out, "ǅǅSsFiA1");
        assert!(is_titlecase('ǅ') && !is_titlecase('Ǆ') && !is_titlecase('a'));
    }

    #[test]
    fn numeric_types() {
        assert!(is_decimal('٣') && !is_decimal('²') && !is_decimal('½'));
        assert!(is_digit('²') && is_digit('①') && !is_digit('½'));
        assert!(is_numeric('½') && is_numeric('Ⅻ') && is_numeric('一') && !is_numeric('日'));
    }
}

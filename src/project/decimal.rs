//! Exact decimals from the literal text of a TOML value (SPEC §2): a float literal is
//! read from its characters, never through `f64`, so `10000000000000000.01` stays exact;
//! and the literal a decimal is written as, which reads back the same.

use rust_decimal::Decimal;
use toml_edit::Value;

/// A decimal as a TOML literal that reads back exactly: an integer when it is one and
/// fits in `i64`, otherwise a float literal with its digits (kaoping reads floats from
/// their text, never through `f64`).
pub fn decimal_value(d: Decimal) -> Value {
    if d.scale() == 0
        && let Ok(i) = i64::try_from(d)
    {
        return Value::from(i);
    }
    let text = if d.scale() == 0 {
        format!("{d}.0")
    } else {
        d.to_string()
    };
    // A whole number past i64 with `.0` may need a 29th digit, which a decimal cannot
    // hold: such a number is written as a string, which reads back exactly.
    if parse_decimal_text(&text).is_ok_and(|back| back == d) {
        // A decimal's text is always a valid TOML float.
        if let Ok(value) = text.parse::<Value>() {
            return value;
        }
    }
    Value::from(d.to_string())
}

/// A number as typed, in ASCII: full-width digits (as a Chinese input method gives them)
/// become ASCII, `。` and `．` the point, `－` the minus sign; the text is trimmed.
pub fn typed_digits(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' | '。' => '.',
            '－' => '-',
            other => other,
        })
        .collect()
}

/// Why a literal is not a decimal kaoping can hold.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecimalError {
    #[error("an exponent is not allowed (write the digits out)")]
    Exponent,
    #[error("nan and inf are not numbers")]
    NotFinite,
    #[error("more than 28 significant digits")]
    TooManyDigits,
    #[error("not a number")]
    Malformed,
}

/// The most significant digits a `rust_decimal::Decimal` holds for every value.
const MAX_DIGITS: usize = 28;

/// Parses the text of a TOML integer or float literal, or of a string meant as a number:
/// an optional sign, digits (TOML's `_` separators allowed between digits in literals),
/// an optional fraction. Exponents, `nan`, `inf` and more than 28 significant digits are
/// refused rather than rounded.
pub fn parse_decimal_text(text: &str) -> Result<Decimal, DecimalError> {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    if lower.contains("nan") || lower.contains("inf") {
        return Err(DecimalError::NotFinite);
    }
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    if unsigned.is_empty() {
        return Err(DecimalError::Malformed);
    }
    if unsigned.contains(['e', 'E']) {
        return Err(DecimalError::Exponent);
    }
    let (int_part, frac_part) = match unsigned.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (unsigned, None),
    };
    if !is_digit_group(int_part) || frac_part.is_some_and(|f| !is_digit_group(f)) {
        return Err(DecimalError::Malformed);
    }
    let digits: String = text.chars().filter(|c| *c != '_').collect();
    let significant = digits
        .chars()
        .filter(char::is_ascii_digit)
        .skip_while(|c| *c == '0')
        .count();
    // Trailing zeros of the fraction are significant to `Decimal` (they set its scale),
    // so they count too; leading zeros do not.
    if significant > MAX_DIGITS {
        return Err(DecimalError::TooManyDigits);
    }
    // More than 28 places after the point cannot be held without rounding either.
    Decimal::from_str_exact(&digits).map_err(|_| DecimalError::TooManyDigits)
}

/// Digits, optionally separated by single underscores between digits.
fn is_digit_group(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('_')
        && !s.ends_with('_')
        && !s.contains("__")
        && s.chars().all(|c| c.is_ascii_digit() || c == '_')
}

/// Why a number typed, pasted or stored as text in a spreadsheet is not one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberTextError {
    /// Letters, signs in the wrong place, two points: not a number at all.
    NotANumber,
    /// Commas that are not thousands separators (`1,80`, `12,3456`).
    Grouping,
    /// A `%` where the field is not a rate.
    Percent,
}

/// The number a cell of text holds, by the rules of a paste into the terminal program and
/// of a number stored as text in a return: thousands separators (`1,800`, `1，800`,
/// groups of three), spaces, full-width digits and signs; `95%` only where `rate` (the
/// field is a rate); `None` for an empty cell (its value stays).
/// `rate`: the field is a rate (`95%` is 95).
pub fn number_in_text(cell: &str, rate: bool) -> Result<Option<Decimal>, NumberTextError> {
    let text: String = typed_digits(cell)
        .chars()
        .map(|c| match c {
            '，' => ',',
            '％' => '%',
            '＋' => '+',
            other => other,
        })
        .filter(|c| !c.is_whitespace())
        .collect();
    if text.is_empty() {
        return Ok(None);
    }
    let text = match text.strip_suffix('%') {
        Some(_) if !rate => return Err(NumberTextError::Percent),
        Some(number) => number,
        None => text.as_str(),
    };
    if !text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+'))
    {
        return Err(NumberTextError::NotANumber);
    }
    let plain = ungrouped(text)?;
    parse_decimal_text(&plain)
        .map(Some)
        .map_err(|_| NumberTextError::NotANumber)
}

/// The number without its thousands separators, which must stand between groups of three
/// digits in the integer part.
fn ungrouped(text: &str) -> Result<String, NumberTextError> {
    if !text.contains(',') {
        return Ok(text.to_string());
    }
    let unsigned = text.trim_start_matches(['-', '+']);
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let mut groups = int.split(',');
    let first = groups.next().unwrap_or_default();
    let first_ok = (1..=3).contains(&first.len()) && first.chars().all(|c| c.is_ascii_digit());
    let rest_ok = groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()));
    if !first_ok || !rest_ok || frac.contains(',') {
        return Err(NumberTextError::Grouping);
    }
    Ok(text.replace(',', ""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn reads_literals_exactly() {
        assert_eq!(parse_decimal_text("5"), Ok(d("5")));
        assert_eq!(parse_decimal_text("5.6"), Ok(d("5.6")));
        assert_eq!(parse_decimal_text("-0.25"), Ok(d("-0.25")));
        assert_eq!(parse_decimal_text("+3"), Ok(d("3")));
        assert_eq!(parse_decimal_text("1_000.5"), Ok(d("1000.5")));
        let big = parse_decimal_text("10000000000000000.01").unwrap();
        assert_eq!(big.to_string(), "10000000000000000.01");
        // 0.1 + 0.2 is 0.3 here, not 0.30000000000000004.
        assert_eq!(
            parse_decimal_text("0.1").unwrap() + parse_decimal_text("0.2").unwrap(),
            d("0.3")
        );
    }

    #[test]
    fn refuses_what_a_decimal_cannot_hold() {
        assert_eq!(parse_decimal_text("1e5"), Err(DecimalError::Exponent));
        assert_eq!(parse_decimal_text("1.5E-3"), Err(DecimalError::Exponent));
        assert_eq!(parse_decimal_text("nan"), Err(DecimalError::NotFinite));
        assert_eq!(parse_decimal_text("-inf"), Err(DecimalError::NotFinite));
        assert_eq!(
            parse_decimal_text("12345678901234567890123456789"),
            Err(DecimalError::TooManyDigits)
        );
        assert_eq!(
            parse_decimal_text("0.12345678901234567890123456789"),
            Err(DecimalError::TooManyDigits)
        );
        // 28 digits fit.
        assert!(parse_decimal_text("1234567890123456789012345678").is_ok());
        assert!(parse_decimal_text("0.0000000000000000000000000001").is_ok());
        assert_eq!(
            parse_decimal_text("0.00000000000000000000000000001"),
            Err(DecimalError::TooManyDigits)
        );
        for bad in [
            "", "-", "abc", "1.", ".5", "1..2", "1,5", "1__0", "_1", "1_",
        ] {
            assert_eq!(
                parse_decimal_text(bad),
                Err(DecimalError::Malformed),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn decimals_are_written_so_that_they_read_back_exactly() {
        for text in [
            "0",
            "5",
            "-3",
            "5.60",
            "10000000000000000.01",
            "12345678901234567890123",
            "0.0000001",
        ] {
            let d: Decimal = text.parse().unwrap();
            let v = decimal_value(d);
            let back = parse_decimal_text(&v.to_string()).unwrap();
            assert_eq!(back, d, "{text} written as {v}");
        }
    }
}

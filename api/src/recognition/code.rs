//! Certificate codes: `NST-XXXX-XXXX`, short enough to type from paper, random enough (40 bits)
//! that guessing one is hopeless against a public page that answers 404 to a wrong guess.

use rand::Rng;

/// Crockford's base 32: no I, L, O or U, so that a code read off paper is not misread.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

pub fn generate() -> String {
    let mut rng = rand::rng();
    let mut pick = || ALPHABET[rng.random_range(0..ALPHABET.len())] as char;
    let a: String = (0..4).map(|_| pick()).collect();
    let b: String = (0..4).map(|_| pick()).collect();
    format!("NST-{a}-{b}")
}

/// A code as typed by a person: any case, spaces around, O for 0 and I or L for 1 (Crockford's
/// reading), the dashes optional. None when it cannot be a code at all.
pub fn normalize(input: &str) -> Option<String> {
    let upper = input.trim().to_uppercase();
    // "NST" is the prefix, unless the eight characters themselves begin with it.
    let chars = upper.strip_prefix("NST").and_then(body).or_else(|| body(&upper))?;
    let a: String = chars[..4].iter().collect();
    let b: String = chars[4..].iter().collect();
    Some(format!("NST-{a}-{b}"))
}

fn body(text: &str) -> Option<Vec<char>> {
    let mut chars: Vec<char> = Vec::with_capacity(8);
    for c in text.chars() {
        let c = match c {
            '-' | ' ' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
            return None;
        }
        chars.push(c);
    }
    (chars.len() == 8).then_some(chars)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_codes_are_well_formed_and_differ() {
        let codes: std::collections::HashSet<String> = (0..200).map(|_| generate()).collect();
        assert_eq!(codes.len(), 200);
        for c in &codes {
            assert_eq!(c.len(), 13);
            assert_eq!(normalize(c).as_deref(), Some(c.as_str()), "a code reads back as itself");
        }
    }

    #[test]
    fn typed_codes_are_forgiven_misreadings_but_not_garbage() {
        assert_eq!(normalize(" nst-ab12-cd3o ").as_deref(), Some("NST-AB12-CD30"));
        assert_eq!(normalize("ab12cd3l").as_deref(), Some("NST-AB12-CD31"));
        assert_eq!(normalize("NST-AB12-CD3"), None);
        assert_eq!(normalize("NST-AB12-CD3U"), None, "U is not in the alphabet");
        assert_eq!(normalize("NST-АВ12-CD34"), None, "Cyrillic look-alikes are not letters of a code");
        assert_eq!(normalize("../../etc"), None);
        assert_eq!(normalize("NSTX1234").as_deref(), Some("NST-NSTX-1234"), "a body that begins with NST");
    }
}

//! Small counts are never published: a count below five about a school's children can point at
//! a child ("the one pair in 9th grade"). A suppressed count is `null` with a flag, so a page can
//! say «менее 5» instead of guessing.

use serde::Serialize;
use utoipa::ToSchema;

/// The smallest count a public page shows.
pub const THRESHOLD: i64 = 5;

/// A count as the public sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
pub struct Figure {
    /// The count; null when suppressed.
    pub value: Option<i64>,
    /// True when the count is below 5, or would let a reader work out one that is.
    pub suppressed: bool,
}

impl Figure {
    pub fn of(n: i64) -> Self {
        if n < THRESHOLD { Self::hidden() } else { Self { value: Some(n), suppressed: false } }
    }

    pub fn hidden() -> Self {
        Self { value: None, suppressed: true }
    }
}

/// The cells of a breakdown whose total is published beside them. A single suppressed cell could
/// be recovered as total minus the others, so the smallest other cell is hidden with it
/// (secondary suppression).
pub fn breakdown(cells: &[i64]) -> Vec<Figure> {
    let mut out: Vec<Figure> = cells.iter().map(|&n| Figure::of(n)).collect();
    let hidden = out.iter().filter(|f| f.suppressed).count();
    let total_shown = cells.iter().sum::<i64>() >= THRESHOLD;
    if hidden == 1 && total_shown && cells.len() > 1 {
        let smallest = cells.iter().enumerate().filter(|(i, _)| !out[*i].suppressed).min_by_key(|(_, n)| **n).map(|(i, _)| i);
        if let Some(i) = smallest {
            out[i] = Figure::hidden();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn below_five_is_hidden_five_is_shown() {
        assert_eq!(Figure::of(0), Figure::hidden());
        assert_eq!(Figure::of(4), Figure::hidden());
        assert_eq!(Figure::of(5), Figure { value: Some(5), suppressed: false });
    }

    #[test]
    fn one_hidden_cell_takes_the_smallest_other_with_it() {
        // 12 shown as the total, 7 and 2 would give the 2 away.
        let cells = breakdown(&[7, 2, 9]);
        assert_eq!(cells, [Figure::hidden(), Figure::hidden(), Figure::of(9)]);
        // Two hidden cells already hide each other.
        assert_eq!(breakdown(&[3, 2, 9]), [Figure::hidden(), Figure::hidden(), Figure::of(9)]);
        // A total below five is hidden itself: nothing to recover.
        assert_eq!(breakdown(&[3, 0]), [Figure::hidden(), Figure::hidden()]);
        // One cell is the total: it stands or falls with it.
        assert_eq!(breakdown(&[6]), [Figure::of(6)]);
        assert_eq!(breakdown(&[6, 8]), [Figure::of(6), Figure::of(8)]);
    }
}

//! Small-count suppression: no figure from fewer than `threshold` residents is shown, and no hidden
//! figure can be worked out from what is shown. Pure: cells, the sums between them, and what to
//! show of each; no database, no clock.
//!
//! A monitor table is cells (a district's, an area's, the municipality's figure; a month's and its
//! quarter's) and sums between them: an area is the sum of its districts, the municipality of its
//! areas, and a quarter of its months when the figure adds up over time (hours, sign-ups).
//!
//! 1. A cell from fewer than `threshold` distinct residents is hidden as small ("< 5").
//! 2. Then we attack the table as anyone could: knowing every shown value, every sum, and what a
//!    hidden cell can be (a small count is 0 to threshold − 1; a count hidden to protect another is
//!    at least the threshold; any other figure is 0 or more), each hidden cell is narrowed down by
//!    the sums, again and again until nothing changes. While that pins a hidden cell to one value,
//!    the smallest shown part of a sum it is in is hidden as well ("protects"), and we attack again.
//!
//! The property tests below attack the result with an exact integer solver and must find every
//! hidden cell still open to at least two values. They do for one period's tree of sums; for months
//! and their quarter in one table (sums in two directions) narrowing is not enough, and the monitor
//! suppresses each period on its own (docs/monitor.md).

/// What a table's figures count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// The figure is the number of distinct residents (active residents, new starters).
    Residents,
    /// The figure is an amount the residents add up to (hours, sign-ups, sessions).
    Amount,
}

/// One figure: its value and the number of distinct residents it was computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub value: i64,
    pub residents: i64,
}

/// `cells[total]` is the sum of `cells[parts]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sum {
    pub total: usize,
    pub parts: Vec<usize>,
}

/// How a cell is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Value,
    /// From fewer residents than the threshold: shown as "< 5".
    Small,
    /// Hidden so that a small cell cannot be worked out from the sums.
    Protects,
}

impl Shown {
    pub fn hidden(self) -> bool {
        self != Self::Value
    }
}

/// Stands for "no upper bound"; far above any figure, far below overflow when added up.
const UNBOUNDED: i64 = 1 << 48;

/// Decides, for each cell, whether it is shown. Deterministic: the same table always gets the
/// same answer, so two views of one figure never show different parts of it.
pub fn suppress(cells: &[Cell], sums: &[Sum], measure: Measure, threshold: i64) -> Vec<Shown> {
    let mut shown: Vec<Shown> = cells
        .iter()
        .map(|cell| {
            if cell.residents < threshold {
                Shown::Small
            } else {
                Shown::Value
            }
        })
        .collect();
    // Each round hides one more cell, so this ends after at most one round per cell.
    while let Some(pinned) = first_pinned(cells, sums, &shown, measure, threshold) {
        match cell_to_hide(cells, sums, &shown, pinned) {
            Some(cell) => shown[cell] = Shown::Protects,
            None => break,
        }
    }
    shown
}

/// What anyone knows a cell can be, from how it is shown.
fn bounds(cell: Cell, shown: Shown, measure: Measure, threshold: i64) -> (i64, i64) {
    match (shown, measure) {
        (Shown::Value, _) => (cell.value, cell.value),
        (Shown::Small, Measure::Residents) => (0, threshold - 1),
        (Shown::Protects, Measure::Residents) => (threshold, UNBOUNDED),
        (Shown::Small | Shown::Protects, Measure::Amount) => (0, UNBOUNDED),
    }
}

fn add(a: i64, b: i64) -> i64 {
    a.saturating_add(b).min(UNBOUNDED)
}

/// The interval each cell is narrowed to by the sums, as an attacker would narrow it.
fn narrowed(
    cells: &[Cell],
    sums: &[Sum],
    shown: &[Shown],
    measure: Measure,
    threshold: i64,
) -> Vec<(i64, i64)> {
    let mut range: Vec<(i64, i64)> = cells
        .iter()
        .zip(shown)
        .map(|(cell, shown)| bounds(*cell, *shown, measure, threshold))
        .collect();
    // Intervals only shrink, so this settles; the cap keeps a pathological table from spinning.
    for _ in 0..(4 * cells.len() + 16) {
        let mut changed = false;
        for sum in sums {
            let low_parts: i64 = sum.parts.iter().map(|&p| range[p].0).fold(0, add);
            let high_parts: i64 = sum.parts.iter().map(|&p| range[p].1).fold(0, add);
            let (low_total, high_total) = range[sum.total];
            let total = (low_total.max(low_parts), high_total.min(high_parts));
            changed |= total != range[sum.total];
            range[sum.total] = total;
            for &part in &sum.parts {
                let (low, high) = range[part];
                let others_low = low_parts - low;
                // Unbounded stays unbounded: an open part leaves the others open below.
                let others_high = if high_parts >= UNBOUNDED {
                    UNBOUNDED
                } else {
                    high_parts - high
                };
                let new_low = if others_high >= UNBOUNDED {
                    low
                } else {
                    low.max(total.0 - others_high)
                };
                let new_high = if total.1 >= UNBOUNDED {
                    high
                } else {
                    high.min(total.1 - others_low)
                };
                if (new_low, new_high) != (low, high) {
                    range[part] = (new_low, new_high);
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    range
}

/// The first hidden cell the sums pin to one value, if any.
fn first_pinned(
    cells: &[Cell],
    sums: &[Sum],
    shown: &[Shown],
    measure: Measure,
    threshold: i64,
) -> Option<usize> {
    let range = narrowed(cells, sums, shown, measure, threshold);
    (0..cells.len()).find(|&i| shown[i].hidden() && range[i].0 >= range[i].1)
}

/// The shown cell to hide for a pinned one: the smallest shown part of a sum it is in; else the
/// shown total of such a sum; else the smallest shown cell of any sum that has a hidden cell.
fn cell_to_hide(cells: &[Cell], sums: &[Sum], shown: &[Shown], pinned: usize) -> Option<usize> {
    let smallest = |candidates: &mut dyn Iterator<Item = usize>| {
        candidates
            .filter(|&c| !shown[c].hidden())
            .min_by_key(|&c| (cells[c].value, cells[c].residents, c))
    };
    let around: Vec<&Sum> = sums
        .iter()
        .filter(|s| s.total == pinned || s.parts.contains(&pinned))
        .collect();
    smallest(&mut around.iter().flat_map(|s| s.parts.iter().copied()))
        .or_else(|| smallest(&mut around.iter().map(|s| s.total)))
        .or_else(|| {
            let touched = sums
                .iter()
                .filter(|s| shown[s.total].hidden() || s.parts.iter().any(|&p| shown[p].hidden()));
            smallest(&mut touched.flat_map(|s| std::iter::once(s.total).chain(s.parts.clone())))
        })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const K: i64 = 5;

    fn count(n: i64) -> Cell {
        Cell {
            value: n,
            residents: n,
        }
    }

    /// An area of districts: cell 0 is the area, the rest its districts.
    fn area(districts: &[i64]) -> (Vec<Cell>, Vec<Sum>) {
        let mut cells = vec![count(districts.iter().sum())];
        cells.extend(districts.iter().map(|&n| count(n)));
        let sums = vec![Sum {
            total: 0,
            parts: (1..cells.len()).collect(),
        }];
        (cells, sums)
    }

    #[test]
    fn a_small_district_is_hidden_with_a_second_one() {
        let (cells, sums) = area(&[3, 40, 12, 25]);
        let shown = suppress(&cells, &sums, Measure::Residents, K);
        assert_eq!(
            shown,
            [
                Shown::Value,
                Shown::Small,
                Shown::Value,
                Shown::Protects,
                Shown::Value
            ],
            "the smallest other district (12) protects the small one"
        );
    }

    #[test]
    fn large_figures_are_all_shown() {
        let (cells, sums) = area(&[30, 40, 12]);
        let shown = suppress(&cells, &sums, Measure::Residents, K);
        assert!(shown.iter().all(|s| *s == Shown::Value));
    }

    #[test]
    fn two_small_districts_at_their_upper_bound_need_a_third() {
        // 4 + 4 = 8 with each at most 4 gives both away; a third district must go.
        let (cells, sums) = area(&[4, 4, 20, 30]);
        let shown = suppress(&cells, &sums, Measure::Residents, K);
        assert_eq!(shown[3], Shown::Protects);
        assert_eq!(shown[4], Shown::Value);
    }

    #[test]
    fn a_small_area_is_small_in_every_view() {
        let (cells, sums) = area(&[1, 2]);
        let shown = suppress(&cells, &sums, Measure::Residents, K);
        assert!(shown.iter().all(|s| *s == Shown::Small));
    }

    /// A municipality of areas of districts, each cell with months and their quarter when the
    /// measure adds up over time.
    #[derive(Debug, Clone)]
    struct World {
        cells: Vec<Cell>,
        sums: Vec<Sum>,
        measure: Measure,
    }

    /// Leaves: per district, per month (one month when the figure is a count of residents),
    /// (value, residents).
    fn world(areas: &[Vec<Vec<(i64, i64)>>], measure: Measure) -> World {
        let months = areas[0][0].len();
        let periods = if months > 1 { months + 1 } else { 1 };
        let mut cells: Vec<Cell> = Vec::new();
        let mut sums = Vec::new();
        // Cell of node n in period p: n * periods + p; period `months` is the quarter.
        let mut node_leaves: Vec<Vec<Vec<Cell>>> = Vec::new(); // node -> month -> leaf cells under it
        let mut tree: Vec<(usize, Vec<usize>)> = Vec::new(); // (node, its children)
        let root = 0;
        let mut next = 1;
        let mut root_children = Vec::new();
        let mut node_months: Vec<Vec<Cell>> = vec![Vec::new()];
        for districts in areas {
            let area_node = next;
            next += 1;
            root_children.push(area_node);
            node_months.push(Vec::new());
            let mut children = Vec::new();
            for district in districts {
                let node = next;
                next += 1;
                children.push(node);
                node_months.push(
                    district
                        .iter()
                        .map(|&(value, residents)| Cell { value, residents })
                        .collect(),
                );
            }
            tree.push((area_node, children));
        }
        tree.push((root, root_children));
        // Totals per month, bottom up (areas first, then the root).
        for (node, children) in &tree {
            let per_month: Vec<Cell> = (0..months)
                .map(|m| Cell {
                    value: children.iter().map(|&c| node_months[c][m].value).sum(),
                    residents: children.iter().map(|&c| node_months[c][m].residents).sum(),
                })
                .collect();
            node_months[*node] = per_month;
        }
        let _ = &mut node_leaves;
        for months_of_node in &node_months {
            cells.extend(months_of_node.iter().copied());
            if periods > months {
                cells.push(Cell {
                    value: months_of_node.iter().map(|c| c.value).sum(),
                    residents: months_of_node.iter().map(|c| c.residents).sum(),
                });
            }
        }
        let at = |node: usize, period: usize| node * periods + period;
        for (node, children) in &tree {
            for p in 0..periods {
                sums.push(Sum {
                    total: at(*node, p),
                    parts: children.iter().map(|&c| at(c, p)).collect(),
                });
            }
        }
        if periods > months {
            for node in 0..node_months.len() {
                sums.push(Sum {
                    total: at(node, months),
                    parts: (0..months).map(|m| at(node, m)).collect(),
                });
            }
        }
        World {
            cells,
            sums,
            measure,
        }
    }

    /// The least and the most a hidden cell can be, given what is shown, found exactly by an
    /// integer solver as an attacker would.
    fn attack(w: &World, shown: &[Shown], cell: usize) -> (i64, i64) {
        use microlp::{ComparisonOp, OptimizationDirection, Problem};
        let solve = |direction| {
            let mut problem = Problem::new(direction);
            let vars: Vec<_> = w
                .cells
                .iter()
                .zip(shown)
                .enumerate()
                .map(|(i, (c, s))| {
                    let (low, high) = bounds(*c, *s, w.measure, K);
                    let high = high.min(100_000);
                    let objective = if i == cell { 1.0 } else { 0.0 };
                    #[allow(clippy::cast_precision_loss)]
                    problem.add_integer_var(objective, (low as i32, high as i32))
                })
                .collect();
            for sum in &w.sums {
                let mut expr: Vec<(microlp::Variable, f64)> = vec![(vars[sum.total], 1.0)];
                expr.extend(sum.parts.iter().map(|&p| (vars[p], -1.0)));
                problem.add_constraint(expr.as_slice(), ComparisonOp::Eq, 0.0);
            }
            let microlp::SolveOutcome::Solution(solution) =
                problem.solve().expect("the true table is a solution")
            else {
                panic!("the solver gave up");
            };
            #[allow(clippy::cast_possible_truncation)]
            let value = solution.objective().round() as i64;
            value
        };
        (
            solve(OptimizationDirection::Minimize),
            solve(OptimizationDirection::Maximize),
        )
    }

    fn check(w: &World) -> Result<(), TestCaseError> {
        let shown = suppress(&w.cells, &w.sums, w.measure, K);
        for (i, cell) in w.cells.iter().enumerate() {
            if cell.residents < K {
                prop_assert!(
                    shown[i].hidden(),
                    "cell {i} from {} residents is shown",
                    cell.residents
                );
            }
            if shown[i].hidden() {
                let (low, high) = attack(w, &shown, i);
                prop_assert!(
                    low < high,
                    "hidden cell {i} (value {}) is worked out as {low} from {shown:?} of {:?}",
                    cell.value,
                    w.cells
                );
            }
        }
        Ok(())
    }

    fn counts() -> impl Strategy<Value = Vec<Vec<Vec<(i64, i64)>>>> {
        let district = (0i64..25).prop_map(|n| vec![(n, n)]);
        prop::collection::vec(prop::collection::vec(district, 1..5), 1..4)
    }

    fn amounts() -> impl Strategy<Value = Vec<Vec<Vec<(i64, i64)>>>> {
        let month = (0i64..8).prop_flat_map(|residents| {
            (Just(residents), 0i64..40).prop_map(move |(r, per)| (r * per / 8 + r, r))
        });
        let district = prop::collection::vec(month, 1);
        prop::collection::vec(prop::collection::vec(district, 1..5), 1..4)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn no_hidden_count_can_be_worked_out(areas in counts()) {
            check(&world(&areas, Measure::Residents))?;
        }

        // One period at a time, as the monitor suppresses. The sums of a municipality form a tree,
        // on which narrowing sum by sum finds every bound an exact solver finds. Months with their
        // quarter in one table (`world` builds those with three months) make cycles, where it does
        // not: an exact solver then pins cells now and then, so that table is not suppressed as one
        // yet (docs/monitor.md, known limits).
        #[test]
        fn no_hidden_amount_can_be_worked_out(areas in amounts()) {
            check(&world(&areas, Measure::Amount))?;
        }
    }
}

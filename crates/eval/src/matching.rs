//! One-to-one matching of gold and predicted items.
//!
//! Every part (entities, dates, relations, events) is matched the same way: a
//! maximum-weight bipartite matching whose weights are compared
//! lexicographically. The first component of an edge's weight is the number
//! of its endpoints that count (a required gold item, a predicted item that is
//! not droppable as boilerplate), so the matching first maximises true
//! positives and minimises false positives (both at once: the sets of
//! vertices a matching can cover form a matroid on each side, and by the
//! Mendelsohn-Dulmage theorem one matching reaches both maxima). Later
//! components break ties in favour of the better-scoring pair, so that the
//! counts do not depend on the order of the records.

/// A lexicographically ordered edge weight.
pub(crate) type Weight = [i64; 4];

fn add(a: Weight, b: Weight) -> Weight {
    [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]]
}

fn sub(a: Weight, b: Weight) -> Weight {
    [a[0] - b[0], a[1] - b[1], a[2] - b[2], a[3] - b[3]]
}

/// Larger than any sum of potentials: weights' first components are at most
/// 2 and there are far fewer than 2^40 items.
const INF: Weight = [1 << 60, 0, 0, 0];

/// A maximum-weight matching between `n_gold` and `n_pred` items, where
/// `weight(g, p)` is `None` when the two cannot match. Returns the matched
/// `(gold, pred)` pairs sorted by gold index.
///
/// Weights must not be negative (lexicographically). This is the Hungarian
/// algorithm on the square matrix padded with zero-weight non-edges, in
/// O(n³) time for n = max(n_gold, n_pred).
pub(crate) fn max_matching(
    n_gold: usize,
    n_pred: usize,
    weight: impl Fn(usize, usize) -> Option<Weight>,
) -> Vec<(usize, usize)> {
    let n = n_gold.max(n_pred);
    if n_gold == 0 || n_pred == 0 {
        return Vec::new();
    }
    let zero = [0; 4];
    let mut edge = vec![vec![None; n]; n];
    for (g, row) in edge.iter_mut().enumerate().take(n_gold) {
        for (p, cell) in row.iter_mut().enumerate().take(n_pred) {
            *cell = weight(g, p);
        }
    }
    // Minimise the negated weights; non-edges cost nothing.
    let cost = |i: usize, j: usize| match edge[i][j] {
        Some(w) => sub(zero, w),
        None => zero,
    };
    // Potentials u (rows) and v (columns), 1-based with column 0 as the
    // virtual start, following the classic O(n³) formulation.
    let mut u = vec![zero; n + 1];
    let mut v = vec![zero; n + 1];
    let mut row_of = vec![0usize; n + 1];
    let mut way = vec![0usize; n + 1];
    for i in 1..=n {
        row_of[0] = i;
        let mut j0 = 0;
        let mut minv = vec![INF; n + 1];
        let mut used = vec![false; n + 1];
        loop {
            used[j0] = true;
            let i0 = row_of[j0];
            let mut delta = INF;
            let mut j1 = 0;
            for j in 1..=n {
                if !used[j] {
                    let cur = sub(sub(cost(i0 - 1, j - 1), u[i0]), v[j]);
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=n {
                if used[j] {
                    u[row_of[j]] = add(u[row_of[j]], delta);
                    v[j] = sub(v[j], delta);
                } else {
                    minv[j] = sub(minv[j], delta);
                }
            }
            j0 = j1;
            if row_of[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            row_of[j0] = row_of[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = (1..=n)
        .filter_map(|j| {
            let (g, p) = (row_of[j] - 1, j - 1);
            (g < n_gold && p < n_pred && edge[g][p].is_some()).then_some((g, p))
        })
        .collect();
    pairs.sort_unstable();
    pairs
}

#[cfg(test)]
mod tests {
    use super::max_matching;

    fn total(pairs: &[(usize, usize)], w: &[Vec<Option<i64>>]) -> i64 {
        pairs.iter().map(|&(g, p)| w[g][p].unwrap()).sum()
    }

    fn run(w: &[Vec<Option<i64>>]) -> Vec<(usize, usize)> {
        let n_pred = w.first().map_or(0, Vec::len);
        max_matching(w.len(), n_pred, |g, p| w[g][p].map(|x| [x, 0, 0, 0]))
    }

    #[test]
    fn finds_the_augmenting_assignment_a_greedy_pass_misses() {
        // Greedy would give gold 0 to pred 0 and leave gold 1 unmatched.
        let w = vec![vec![Some(1), Some(1)], vec![Some(1), None]];
        let pairs = run(&w);
        assert_eq!(pairs, vec![(0, 1), (1, 0)]);
    }

    #[test]
    fn prefers_weight_over_cardinality() {
        let w = vec![vec![Some(10), Some(1)], vec![Some(1), None]];
        let pairs = run(&w);
        assert_eq!(total(&pairs, &w), 10);
    }

    #[test]
    fn handles_rectangular_and_empty_inputs() {
        assert!(run(&[]).is_empty());
        let w = vec![vec![None, Some(2), Some(1)]];
        assert_eq!(run(&w), vec![(0, 1)]);
        let w = vec![vec![Some(1)], vec![Some(2)], vec![None]];
        assert_eq!(run(&w), vec![(1, 0)]);
    }

    #[test]
    fn compares_weights_lexicographically() {
        let pairs = max_matching(2, 1, |g, _| {
            Some(if g == 0 { [1, 0, 5, 0] } else { [1, 1, 0, 0] })
        });
        assert_eq!(pairs, vec![(1, 0)]);
    }
}

//! Small graphs of known shape for the layout's tests.

/// A `side` × `side` grid, each node linked to its right and lower neighbours.
pub fn grid(side: u32) -> Vec<(u32, u32)> {
    let at = |row: u32, column: u32| row * side + column;
    let mut edges = Vec::new();
    for row in 0..side {
        for column in 0..side {
            if column + 1 < side {
                edges.push((at(row, column), at(row, column + 1)));
            }
            if row + 1 < side {
                edges.push((at(row, column), at(row + 1, column)));
            }
        }
    }
    edges
}

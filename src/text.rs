//! Small helpers for the words the app and the command line print.

/// "1 source", "3 sources".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_is_singular_and_every_other_number_plural() {
        assert_eq!(super::count(1, "warning"), "1 warning");
        assert_eq!(super::count(0, "warning"), "0 warnings");
        assert_eq!(super::count(12, "error"), "12 errors");
    }
}

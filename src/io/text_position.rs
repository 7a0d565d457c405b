/// 1-based line and column (in characters) of a byte offset in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = text.get(..offset).unwrap_or_default();
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).unwrap_or_default().chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::line_column;

    #[test]
    fn counts_lines_and_characters_not_bytes() {
        let text = "{\n  \"a\": \"é\", \"b\": 1\n}";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 4), (2, 3));
        let b = text.find("\"b\"").unwrap_or_default();
        assert_eq!(line_column(text, b), (2, 13));
        assert_eq!(line_column(text, text.len() + 10), (3, 2));
    }
}

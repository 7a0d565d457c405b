//! A source's text cut into the paragraphs the reader numbers and a quote's locator names.
//!
//! Texts come in two shapes: one paragraph per line (an article copied from a page, a
//! chronology with one event per line), and paragraphs hard-wrapped at a fixed width with blank
//! lines between them (plain-text reports, Markdown, e-mail). A block of lines between blank
//! lines is read as one wrapped paragraph only when every line in it is short enough to have
//! been wrapped; headings, list items and quotations still start their own.

use std::ops::Range;

/// Lines longer than this were not wrapped by hand: each is a paragraph of its own.
const WRAPPED_WIDTH: usize = 100;

/// The byte ranges of a text's paragraphs, in order, each without its surrounding whitespace,
/// and how they are numbered.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Paragraphs {
    ranges: Vec<Range<usize>>,
    /// The line of the text (from 1) each paragraph starts on.
    lines: Vec<usize>,
    numbering: Numbering,
}

/// How the reader numbers a text's paragraphs, and a quote's locator names its place.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Numbering {
    /// One paragraph per line, as the file has them: by line, as any text editor shows it
    /// (a chronology's "line 9").
    Lines,
    /// Paragraphs wrapped over lines or set apart by blank lines (a report, a web page).
    #[default]
    Paragraphs,
}

impl Paragraphs {
    pub fn of(text: &str) -> Self {
        let mut ranges = Vec::new();
        let mut block: Vec<Range<usize>> = Vec::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let trimmed = trimmed_range(text, at..at + line.len());
            at += line.len();
            if trimmed.is_empty() {
                close_block(text, &mut block, &mut ranges);
            } else {
                block.push(trimmed);
            }
        }
        close_block(text, &mut block, &mut ranges);
        let mut lines = Vec::with_capacity(ranges.len());
        let (mut line, mut counted) = (1, 0);
        for range in &ranges {
            line += text.get(counted..range.start).map_or(0, |t| t.matches('\n').count());
            counted = range.start;
            lines.push(line);
        }
        // Line numbers serve when each paragraph is a line and blank lines do not set them apart
        // (then the numbers would skip every other one).
        let single_lines = ranges
            .iter()
            .all(|r| text.get(r.clone()).is_some_and(|p| !p.contains('\n')));
        let blank_lines = text
            .split('\n')
            .filter(|l| l.trim().is_empty())
            .count()
            .saturating_sub(1);
        let numbering = if single_lines && blank_lines * 4 < ranges.len() {
            Numbering::Lines
        } else {
            Numbering::Paragraphs
        };
        Self {
            ranges,
            lines,
            numbering,
        }
    }

    pub fn numbering(&self) -> Numbering {
        self.numbering
    }

    /// The number the reader shows for paragraph `paragraph` (counted from 0): its line, or its
    /// place among the paragraphs.
    pub fn number(&self, paragraph: usize) -> usize {
        match self.numbering {
            Numbering::Lines => self.lines.get(paragraph).copied().unwrap_or(paragraph + 1),
            Numbering::Paragraphs => paragraph + 1,
        }
    }

    /// The locator a quote from paragraph `paragraph` carries: "line 9" or "paragraph 3".
    pub fn locator(&self, paragraph: usize) -> String {
        match self.numbering {
            Numbering::Lines => format!("line {}", self.number(paragraph)),
            Numbering::Paragraphs => format!("paragraph {}", self.number(paragraph)),
        }
    }

    pub fn len(&self) -> usize {
        self.ranges.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    pub fn get(&self, paragraph: usize) -> Option<Range<usize>> {
        self.ranges.get(paragraph).cloned()
    }

    pub fn iter(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.ranges.iter().cloned()
    }

    /// The paragraph a byte of the text falls in, or the next one when it falls between two.
    pub fn at_byte(&self, byte: usize) -> Option<usize> {
        let after = self.ranges.partition_point(|r| r.end <= byte);
        (after < self.ranges.len()).then_some(after)
    }

    /// The paragraphs a stretch of the text touches (a quote may run over a paragraph's end).
    pub fn touching(&self, bytes: &Range<usize>) -> Range<usize> {
        let first = self.ranges.partition_point(|r| r.end <= bytes.start);
        let last = self.ranges.partition_point(|r| r.start < bytes.end);
        first..last.max(first)
    }
}

/// A selected stretch of `text` made a quote: without the whitespace around it, the quotation
/// marks the source puts around the words, or the comma or semicolon the sentence goes on with.
pub fn trim_passage(text: &str, selected: Range<usize>) -> Range<usize> {
    let Some(passage) = text.get(selected.clone()) else {
        return selected;
    };
    let leading = |c: char| c.is_whitespace() || matches!(c, '"' | '“' | '”');
    let trailing = |c: char| leading(c) || matches!(c, ',' | ';' | ':');
    let rest = passage.trim_start_matches(leading);
    let start = selected.start + (passage.len() - rest.len());
    start..start + rest.trim_end_matches(trailing).len()
}

/// A paragraph as the reader shows it: the line breaks of a wrapped paragraph become spaces,
/// byte for byte, so that a position in what is shown is the same position in the text.
pub fn shown_paragraph(text: &str) -> String {
    text.chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect()
}

fn close_block(text: &str, block: &mut Vec<Range<usize>>, out: &mut Vec<Range<usize>>) {
    // Wrapped by hand at some width: no line past it, and the longest near it.
    let widths: Vec<usize> = block
        .iter()
        .map(|line| text.get(line.clone()).map_or(0, |l| l.chars().count()))
        .collect();
    let longest = widths.iter().copied().max().unwrap_or(0);
    let wrapped = block.len() > 1 && (WRAPPED_WIDTH / 2..=WRAPPED_WIDTH).contains(&longest);
    let mut current: Option<Range<usize>> = None;
    for line in block.drain(..) {
        let starts_own = !wrapped || text.get(line.clone()).is_some_and(starts_a_paragraph);
        match &mut current {
            Some(open) if !starts_own => open.end = line.end,
            _ => {
                out.extend(current.take());
                current = Some(line);
            }
        }
    }
    out.extend(current);
}

/// Headings, list items and quoted lines start a paragraph even inside a wrapped block.
fn starts_a_paragraph(line: &str) -> bool {
    let line = line.trim_start();
    let numbered = line
        .split_once(['.', ')'])
        .is_some_and(|(n, _)| !n.is_empty() && n.len() <= 3 && n.chars().all(|c| c.is_ascii_digit()));
    numbered || ["#", "- ", "* ", "+ ", "> ", "• "].iter().any(|m| line.starts_with(m))
}

fn trimmed_range(text: &str, range: Range<usize>) -> Range<usize> {
    let Some(slice) = text.get(range.clone()) else {
        return range.start..range.start;
    };
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    start..end.max(start)
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, p: &Paragraphs) -> Vec<&'a str> {
        p.iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn one_paragraph_per_long_line_even_with_blank_lines_between_some() {
        let long = "x".repeat(150);
        let text = format!("Title\nA note under the title that runs on.\n\n{long} one.\n{long} two.\n");
        let p = Paragraphs::of(&text);
        assert_eq!(p.len(), 4, "{:?}", texts(&text, &p));
        assert!(texts(&text, &p)[3].ends_with("two."));
    }

    #[test]
    fn hard_wrapped_blocks_are_joined_but_list_items_stay_apart() {
        let text = "The first paragraph of this report is wrapped at seventy characters,\nso it runs over two lines.\n\n# A heading\n- one item in a list that is long enough to have been wrapped\n- another\n  that wraps\n\nLast.";
        let p = Paragraphs::of(text);
        assert_eq!(
            texts(text, &p),
            vec![
                "The first paragraph of this report is wrapped at seventy characters,\nso it runs over two lines.",
                "# A heading",
                "- one item in a list that is long enough to have been wrapped",
                "- another\n  that wraps",
                "Last."
            ]
        );
        assert_eq!(
            shown_paragraph(&text[p.get(0).unwrap_or_default()]),
            "The first paragraph of this report is wrapped at seventy characters, so it runs over two lines."
        );
    }

    #[test]
    fn positions_find_their_paragraph() {
        let text = "one\r\ntwo\r\n\r\nthree";
        let p = Paragraphs::of(text);
        assert_eq!(texts(text, &p), vec!["one", "two", "three"]);
        assert_eq!(p.at_byte(0), Some(0));
        assert_eq!(p.at_byte(3), Some(1), "the line break belongs to the next paragraph");
        assert_eq!(p.at_byte(text.len()), None);
        assert_eq!(p.touching(&(1..6)), 0..2);
        assert_eq!(p.touching(&(text.len() - 2..text.len())), 2..3);
    }

    #[test]
    fn one_paragraph_per_line_is_numbered_by_line_and_blank_separated_ones_by_paragraph() {
        let chronology = "Title\nCompiled: today.\n\n1945: one.\n1948: two.\n1950: three.\n1953: four.\n";
        let p = Paragraphs::of(chronology);
        assert_eq!(p.numbering(), Numbering::Lines);
        assert_eq!((p.number(2), p.locator(2)), (4, "line 4".to_owned()));
        let page = "Headline\n\nFirst paragraph.\n\nSecond paragraph.\n";
        let p = Paragraphs::of(page);
        assert_eq!(p.numbering(), Numbering::Paragraphs);
        assert_eq!((p.number(2), p.locator(2)), (3, "paragraph 3".to_owned()));
    }

    #[test]
    fn a_passage_loses_the_quotation_marks_and_trailing_comma_around_it() {
        let text = "\"This is a move,\" Ramani said, \u{201c}even then.\u{201d}";
        let trim = |s: &str| {
            let at = text.find(s).unwrap_or_default();
            let r = trim_passage(text, at..at + s.len());
            &text[r]
        };
        assert_eq!(trim("\"This is a move,\" "), "This is a move");
        assert_eq!(trim("\u{201c}even then.\u{201d}"), "even then.");
        assert_eq!(trim("Ramani said"), "Ramani said");
    }
}

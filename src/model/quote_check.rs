//! Every quote checked against its source's text, when the source carries one: found as
//! written, found once whitespace and typographic quote marks, apostrophes and dashes are set
//! aside (and which of these were), or not found.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::{Dataset, EvidenceAt};

/// What checking one quote found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuoteCheck {
    /// The quote stands in the source's text, at these bytes of it.
    Verified { at: Range<usize>, tolerated: Tolerated },
    /// The source has a text and the quote is not in it.
    NotFound,
    /// Nothing to check against: the source carries no text (or is not in the dataset).
    NoText,
}

/// The differences set aside to find a quote: none when it stands as written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tolerated {
    /// Spaces, tabs and line breaks (runs of them count as one space).
    pub whitespace: bool,
    /// Straight against curly quotation marks and apostrophes.
    pub quote_marks: bool,
    /// Hyphens against en and em dashes and minus signs.
    pub dashes: bool,
}

impl Tolerated {
    pub fn any(self) -> bool {
        self.whitespace || self.quote_marks || self.dashes
    }

    /// "whitespace and quotation marks", for the evidence card.
    pub fn describe(self) -> String {
        let parts: Vec<&str> = [
            (self.whitespace, "whitespace"),
            (self.quote_marks, "quotation marks and apostrophes"),
            (self.dashes, "dashes"),
        ]
        .into_iter()
        .filter_map(|(on, name)| on.then_some(name))
        .collect();
        parts.join(" and ")
    }
}

/// A stretch of a source's text that an evidence item quotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotedPassage {
    /// Bytes of the source's text.
    pub at: Range<usize>,
    pub evidence: EvidenceAt,
}

/// Per relation, per evidence item, what the check found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteChecks {
    pub checks: Vec<Vec<QuoteCheck>>,
}

impl QuoteChecks {
    /// Checks every quote of the dataset against its source's attached text: per source, one
    /// automaton of all its quotes run once over its text.
    pub fn of(dataset: &Dataset) -> Self {
        let mut checks: Vec<Vec<QuoteCheck>> = dataset
            .relations
            .iter()
            .map(|r| vec![QuoteCheck::NoText; r.evidence.len()])
            .collect();
        // The quotes citing each source that carries a text, gathered in one pass.
        let texts: std::collections::HashMap<&str, usize> = dataset
            .sources
            .iter()
            .enumerate()
            .filter(|(_, s)| s.attached.is_some())
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        if texts.is_empty() {
            return Self { checks };
        }
        let mut citing: Vec<Vec<(usize, usize, &str)>> = vec![Vec::new(); dataset.sources.len()];
        for (r, relation) in dataset.relations.iter().enumerate() {
            for (e, evidence) in relation.evidence.iter().enumerate() {
                if let Some(list) = texts.get(evidence.source.as_str()).and_then(|&s| citing.get_mut(s)) {
                    list.push((r, e, evidence.quote.as_str()));
                }
            }
        }
        // Each source's text searched on its own, the sources shared among the cores.
        let found: Vec<Vec<QuoteCheck>> = {
            use rayon::prelude::*;
            dataset
                .sources
                .par_iter()
                .zip(citing.par_iter())
                .map(|(source, cited)| match &source.attached {
                    Some(text) if !cited.is_empty() => find_all(text, cited.iter().map(|(_, _, q)| *q)),
                    _ => Vec::new(),
                })
                .collect()
        };
        for (cited, found) in citing.into_iter().zip(found) {
            for ((r, e, _), check) in cited.into_iter().zip(found) {
                if let Some(slot) = checks.get_mut(r).and_then(|items| items.get_mut(e)) {
                    *slot = check;
                }
            }
        }
        Self { checks }
    }

    pub fn get(&self, relation: usize, evidence: usize) -> &QuoteCheck {
        static NO_TEXT: QuoteCheck = QuoteCheck::NoText;
        self.checks
            .get(relation)
            .and_then(|r| r.get(evidence))
            .unwrap_or(&NO_TEXT)
    }

    /// Where the verified quotes citing `source` stand in its text, in the order they come.
    pub fn passages_in(&self, dataset: &Dataset, source: &str) -> Vec<QuotedPassage> {
        let mut passages: Vec<QuotedPassage> = dataset
            .relations
            .iter()
            .zip(&self.checks)
            .enumerate()
            .flat_map(|(r, (relation, checks))| {
                relation
                    .evidence
                    .iter()
                    .zip(checks)
                    .enumerate()
                    .filter_map(move |(e, (evidence, check))| match check {
                        QuoteCheck::Verified { at, .. } if evidence.source == source => Some(QuotedPassage {
                            at: at.clone(),
                            evidence: EvidenceAt {
                                relation: r,
                                evidence: e,
                            },
                        }),
                        _ => None,
                    })
            })
            .collect();
        passages.sort_by_key(|p| (p.at.start, p.at.end));
        passages
    }

    /// How many quotes were verified, not found, and had nothing to check against.
    pub fn counts(&self) -> (usize, usize, usize) {
        let all = || self.checks.iter().flatten();
        (
            all().filter(|c| matches!(c, QuoteCheck::Verified { .. })).count(),
            all().filter(|c| **c == QuoteCheck::NotFound).count(),
            all().filter(|c| **c == QuoteCheck::NoText).count(),
        )
    }
}

/// Where each quote stands in `text`: as written, else once both are normalised.
fn find_all<'a>(text: &str, quotes: impl Iterator<Item = &'a str>) -> Vec<QuoteCheck> {
    let quotes: Vec<&str> = quotes.collect();
    let mut found: Vec<Option<QuoteCheck>> = vec![None; quotes.len()];
    // As written first: the common case, and exact places.
    let exact: Vec<(usize, &str)> = quotes
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, q)| !q.is_empty())
        .collect();
    for (slot, at) in first_matches(text, exact.iter().map(|(_, q)| *q)) {
        if let Some(entry) = exact.get(slot).and_then(|(i, _)| found.get_mut(*i)) {
            *entry = Some(QuoteCheck::Verified {
                at,
                tolerated: Tolerated::default(),
            });
        }
    }
    let missing: Vec<(usize, &str)> = quotes
        .iter()
        .copied()
        .enumerate()
        .filter(|(i, _)| found.get(*i).is_some_and(Option::is_none))
        .collect();
    if !missing.is_empty() {
        let normal_text = Normalised::of(text);
        let normal_quotes: Vec<(usize, &str, String)> = missing
            .into_iter()
            .map(|(i, q)| (i, q, Normalised::of(q).text.trim().to_owned()))
            .filter(|(_, _, n)| !n.is_empty())
            .collect();
        for (slot, at) in first_matches(&normal_text.text, normal_quotes.iter().map(|(_, _, n)| n.as_str())) {
            let Some(&(i, quote, _)) = normal_quotes.get(slot) else {
                continue;
            };
            let original = normal_text.original(at);
            let tolerated = tolerated(quote, text.get(original.clone()).unwrap_or_default());
            if let Some(entry) = found.get_mut(i) {
                *entry = Some(QuoteCheck::Verified {
                    at: original,
                    tolerated,
                });
            }
        }
    }
    found.into_iter().map(|f| f.unwrap_or(QuoteCheck::NotFound)).collect()
}

/// The first place each pattern occurs in `haystack`, by pattern position.
fn first_matches<'a>(haystack: &str, patterns: impl Iterator<Item = &'a str>) -> Vec<(usize, Range<usize>)> {
    let patterns: Vec<&str> = patterns.collect();
    if patterns.is_empty() {
        return Vec::new();
    }
    // A contiguous NFA: a DFA runs a little faster but took five times longer to build than
    // to run, one per source (benches/quotes.rs).
    let Ok(automaton) = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(&patterns)
    else {
        return Vec::new();
    };
    let mut first: Vec<Option<Range<usize>>> = vec![None; patterns.len()];
    let mut left = patterns.len();
    for hit in automaton.find_overlapping_iter(haystack) {
        let Some(slot) = first.get_mut(hit.pattern().as_usize()) else {
            continue;
        };
        if slot.is_none() {
            *slot = Some(hit.range());
            left -= 1;
            if left == 0 {
                break;
            }
        }
    }
    first
        .into_iter()
        .enumerate()
        .filter_map(|(i, r)| r.map(|r| (i, r)))
        .collect()
}

/// Which kinds of difference between the quote and the passage found were set aside.
fn tolerated(quote: &str, passage: &str) -> Tolerated {
    let classes = |s: &str, keep_space: bool, keep_marks: bool, keep_dashes: bool| -> String {
        let mut out = String::new();
        for c in s.chars() {
            match class(c) {
                Class::Space if !keep_space => {
                    if !out.ends_with(' ') {
                        out.push(' ');
                    }
                }
                Class::Mark(plain) if !keep_marks => out.push(plain),
                Class::Dash if !keep_dashes => out.push('-'),
                _ => out.push(c),
            }
        }
        out.trim().to_owned()
    };
    let differs = |space, marks, dashes| classes(quote, space, marks, dashes) != classes(passage, space, marks, dashes);
    Tolerated {
        whitespace: differs(true, false, false),
        quote_marks: differs(false, true, false),
        dashes: differs(false, false, true),
    }
}

enum Class {
    Space,
    /// A quotation mark or apostrophe, and its plain form.
    Mark(char),
    Dash,
    Other,
}

fn class(c: char) -> Class {
    match c {
        c if c.is_whitespace() => Class::Space,
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\'' => Class::Mark('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '"' => Class::Mark('"'),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' | '-' => Class::Dash,
        _ => Class::Other,
    }
}

/// A text with whitespace runs made one space and quote marks and dashes made plain, and where
/// each of its bytes came from in the original.
struct Normalised {
    text: String,
    /// For each byte of `text`, the byte of the original it came from.
    from: Vec<u32>,
    original_len: usize,
}

impl Normalised {
    fn of(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut from = Vec::with_capacity(original.len());
        for (at, c) in original.char_indices() {
            let plain = match class(c) {
                Class::Space if text.ends_with(' ') => continue,
                Class::Space => ' ',
                Class::Mark(plain) => plain,
                Class::Dash => '-',
                Class::Other => c,
            };
            let before = text.len();
            text.push(plain);
            from.extend(std::iter::repeat_n(at as u32, text.len() - before));
        }
        Self {
            text,
            from,
            original_len: original.len(),
        }
    }

    /// The bytes of the original that `range` of the normalised text came from.
    fn original(&self, range: Range<usize>) -> Range<usize> {
        let start = self.from.get(range.start).map_or(self.original_len, |&b| b as usize);
        let end = match self.from.get(range.end) {
            Some(&next) => next as usize,
            None => self.original_len,
        };
        // Up to the start of the next normalised character, less whitespace folded into it.
        let end = end.max(start);
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, quote: &str) -> QuoteCheck {
        find_all(text, std::iter::once(quote)).remove(0)
    }

    #[test]
    fn a_quote_as_written_is_verified_with_nothing_set_aside() {
        let text = "Officials said North Korea sent up to 10,000 troops to Russia.";
        let QuoteCheck::Verified { at, tolerated } = check(text, "up to 10,000 troops") else {
            panic!("found");
        };
        assert_eq!(&text[at], "up to 10,000 troops");
        assert!(!tolerated.any());
    }

    #[test]
    fn whitespace_and_line_breaks_are_set_aside_and_said() {
        let text = "sent up to\n   10,000 troops";
        let QuoteCheck::Verified { at, tolerated } = check(text, "up to 10,000 troops") else {
            panic!("found");
        };
        assert_eq!(&text[at], "up to\n   10,000 troops");
        assert_eq!(
            tolerated,
            Tolerated {
                whitespace: true,
                ..Tolerated::default()
            }
        );
    }

    #[test]
    fn curly_quotes_and_apostrophes_are_set_aside_and_said() {
        let text = "the country\u{2019}s \u{201C}strategic partner\u{201D} status";
        let QuoteCheck::Verified { tolerated, .. } = check(text, "country's \"strategic partner\"") else {
            panic!("found");
        };
        assert_eq!(
            tolerated,
            Tolerated {
                quote_marks: true,
                ..Tolerated::default()
            }
        );
        assert_eq!(tolerated.describe(), "quotation marks and apostrophes");
    }

    #[test]
    fn dashes_are_set_aside_and_said() {
        let text = "the 1950\u{2013}1953 war";
        let QuoteCheck::Verified { tolerated, .. } = check(text, "1950-1953 war") else {
            panic!("found");
        };
        assert_eq!(
            tolerated,
            Tolerated {
                dashes: true,
                ..Tolerated::default()
            }
        );
    }

    #[test]
    fn one_word_changed_is_not_found_and_case_counts() {
        let text = "North Korea sent up to 10,000 troops.";
        assert_eq!(
            check(text, "North Korea sent up to 12,000 troops"),
            QuoteCheck::NotFound
        );
        assert_eq!(check(text, "north korea sent"), QuoteCheck::NotFound);
        assert_eq!(check(text, ""), QuoteCheck::NotFound);
    }

    #[test]
    fn every_quote_of_a_source_is_checked_and_the_others_have_no_text() {
        let mut dataset = crate::builtin::built_in_dataset();
        for source in &mut dataset.sources {
            source.attached = None;
        }
        let checks = QuoteChecks::of(&dataset);
        let (verified, missing, no_text) = checks.counts();
        assert_eq!((verified, missing), (0, 0));
        assert!(no_text > 0);
    }
}

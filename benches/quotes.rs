//! Every quote checked against its source's text, at the size the issue names: 100,000 quotes
//! citing 1,000 sources that each carry a 50 KB text. The baseline, in the same run, is the
//! obvious loop: one `str::contains` per quote over its source's text (exact matches only,
//! so it does less than the check it is compared with).
//!
//! Run: `cargo bench --bench quotes`

use std::sync::Arc;

use entente::model::{Dataset, Evidence, QuoteChecks, Relation, Source};

mod common;

use common::{median, ms, time};

/// A word list to write texts from: a fixed pseudo-random walk, so every run checks the same.
const WORDS: [&str; 24] = [
    "the",
    "treaty",
    "forces",
    "minister",
    "said",
    "arms",
    "supply",
    "border",
    "troops",
    "signed",
    "support",
    "regime",
    "officials",
    "reported",
    "according",
    "deployment",
    "missiles",
    "in",
    "of",
    "and",
    "with",
    "against",
    "a",
    "to",
];

fn main() {
    let (sources, quotes) = if common::is_full_run() {
        (1_000, 100_000)
    } else {
        (50, 5_000)
    };
    let dataset = dataset(sources, quotes, 50_000);
    let runs = if common::is_full_run() { 5 } else { 1 };
    let mut checks = QuoteChecks::default();
    let ours = time(runs, || checks = QuoteChecks::of(&dataset));
    let (verified, not_found, no_text) = checks.counts();
    let baseline = time(runs, || {
        let mut found = 0usize;
        for relation in &dataset.relations {
            for evidence in &relation.evidence {
                let text = dataset
                    .sources
                    .iter()
                    .find(|s| s.id == evidence.source)
                    .and_then(|s| s.attached.as_deref());
                found += usize::from(text.is_some_and(|t| t.contains(&evidence.quote)));
            }
        }
        assert!(found > 0);
    });
    println!(
        "| sources × text | quotes | verified | not found | no text | check (median) | str::contains loop (baseline) | baseline / check |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    println!(
        "| {sources} × 50 KB | {quotes} | {verified} | {not_found} | {no_text} | {:.0} ms | {:.0} ms | {:.1}x |",
        ms(median(&ours)),
        ms(median(&baseline)),
        ms(median(&baseline)) / ms(median(&ours)).max(1e-3)
    );
    assert_eq!(verified + not_found, quotes);
}

/// `sources` texts of `bytes` each, and `quotes` quotes spread over them: most cut from their
/// source's text, some with a line break where a space was, one in twenty with a word changed.
fn dataset(sources: usize, quotes: usize, bytes: usize) -> Dataset {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut dataset = Dataset::new("Quotes benchmark");
    for s in 0..sources {
        let mut text = String::with_capacity(bytes + 16);
        while text.len() < bytes {
            text.push_str(WORDS[(next() % WORDS.len() as u64) as usize]);
            text.push(if next() % 13 == 0 { '\n' } else { ' ' });
        }
        let mut source = Source::new(format!("s{s}"), format!("Source {s}"));
        source.attached = Some(Arc::from(text.as_str()));
        dataset.sources.push(source);
    }
    let mut relation = Relation::new("r", "treaty", "a", "b");
    for q in 0..quotes {
        let source = &dataset.sources[q % sources];
        let text = source.attached.as_deref().unwrap_or_default();
        let start = (next() as usize) % (text.len() - 200);
        let start = (start..).find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        let mut quote = text[start..start + 80].to_owned();
        match q % 20 {
            0 => quote.push_str(" zebra"),
            1 => quote = quote.replacen(' ', "\n", 1),
            _ => {}
        }
        relation.evidence.push(Evidence::quoting(source.id.clone(), quote));
    }
    dataset.relations.push(relation);
    dataset
}

//! What a briefing says, worked out once and written as HTML or Markdown: the filters in plain
//! words, the relations shown, their evidence as numbered citations, the sources, and what the
//! evidence leaves unknown.

use crate::model::{
    Dataset, DatasetIndex, Direction, EvidenceFilter, KindFilter, QuoteCheck, QuoteChecks, QuoteFilter, TimeWindow,
    Ungraded, credibility_meaning,
};

/// Everything a briefing shows, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Briefing {
    pub title: String,
    pub description: Option<String>,
    /// The filters, one statement each ("As of 2024", "Only sources graded B or better").
    pub filters: Vec<String>,
    pub relations: Vec<BriefRelation>,
    /// Numbered from 1 in the order the relations cite them.
    pub citations: Vec<Citation>,
    pub sources: Vec<BriefSource>,
    /// What the reader should know the evidence does not establish.
    pub caveats: Vec<String>,
    /// The graph in words, for a reader who cannot see it.
    pub graph_description: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BriefRelation {
    pub kind: String,
    pub from: String,
    pub to: String,
    pub mutual: bool,
    /// "1950–1953", "since June 2024", "undated".
    pub period: String,
    /// The source's own words for how much ("up to 10,000 troops").
    pub magnitude: Option<String>,
    /// The numbers of its citations.
    pub citations: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    pub number: usize,
    /// The words exactly as the dataset has them.
    pub quote: String,
    pub speaker: Option<String>,
    pub role: Option<String>,
    pub source_title: String,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub locator: Option<String>,
    /// "B (usually reliable)"; `None` when not graded.
    pub reliability: Option<String>,
    /// "2 (probably true)"; `None` when not graded.
    pub credibility: Option<String>,
    pub check: QuoteCheck,
}

impl Citation {
    /// "source reliability B (usually reliable)", "credibility not graded": both grades, said.
    pub fn grades_in_words(&self) -> [String; 2] {
        [
            format!(
                "source reliability {}",
                self.reliability.as_deref().unwrap_or("not graded")
            ),
            format!("credibility {}", self.credibility.as_deref().unwrap_or("not graded")),
        ]
    }

    /// Whether the quote stands in its source's text, in words.
    pub fn check_in_words(&self) -> &'static str {
        match self.check {
            QuoteCheck::Verified { .. } => "✔ verified in the source's text",
            QuoteCheck::NotFound => "⚠ not found in the source's text",
            QuoteCheck::NoText => "not checked: no text of the source attached",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct BriefSource {
    pub title: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub reliability: Option<String>,
    /// How many of the briefing's citations quote it.
    pub cited: usize,
}

/// What the briefing is made from: the dataset, the relations the view shows (in order), the
/// filters that chose them, and each quote's check against its source's text.
pub struct BriefingInput<'a> {
    pub dataset: &'a Dataset,
    pub index: &'a DatasetIndex,
    pub shown: &'a [usize],
    pub filters: Vec<String>,
    pub quotes: &'a QuoteChecks,
}

impl Briefing {
    pub fn of(input: &BriefingInput<'_>) -> Self {
        let BriefingInput {
            dataset, index, shown, ..
        } = input;
        let name = |id: &str| {
            index
                .actor(id)
                .and_then(|a| dataset.actors.get(a))
                .map_or_else(|| id.to_owned(), |a| a.name.clone())
        };
        let mut citations = Vec::new();
        let mut relations = Vec::new();
        for &at in *shown {
            let Some(relation) = dataset.relations.get(at) else {
                continue;
            };
            let mut numbers = Vec::new();
            for (e, item) in relation.evidence.iter().enumerate() {
                let source = dataset.sources.iter().find(|s| s.id == item.source);
                let number = citations.len() + 1;
                numbers.push(number);
                citations.push(Citation {
                    number,
                    quote: item.quote.clone(),
                    speaker: item.speaker.clone(),
                    role: item.speaker_role.clone(),
                    source_title: source.map_or_else(|| item.source.clone(), |s| s.title.clone()),
                    outlet: source.and_then(|s| s.publisher.clone()),
                    date: item.date.or(source.and_then(|s| s.published)).map(|d| d.describe()),
                    url: item.url.clone().or_else(|| source.and_then(|s| s.url.clone())),
                    locator: item.locator.clone(),
                    reliability: source
                        .and_then(|s| s.reliability)
                        .map(|r| format!("{r:?} ({})", r.meaning())),
                    credibility: item
                        .credibility
                        .and_then(|c| Some(format!("{c} ({})", credibility_meaning(c)?))),
                    check: input.quotes.get(at, e).clone(),
                });
            }
            relations.push(BriefRelation {
                kind: dataset.relation_kind_label(&relation.kind).to_owned(),
                from: name(&relation.from),
                to: name(&relation.to),
                mutual: relation.direction == Direction::Mutual,
                period: relation.period.unwrap_or_default().describe(),
                magnitude: relation.magnitude.as_ref().map(|m| m.as_stated.clone()),
                citations: numbers,
            });
        }
        let sources = cited_sources(dataset, shown);
        let caveats = caveats(&relations, &citations);
        let graph_description = describe_graph(&relations);
        Self {
            title: dataset.title.clone(),
            description: dataset.description.clone(),
            filters: input.filters.clone(),
            relations,
            citations,
            sources,
            caveats,
            graph_description,
        }
    }
}

fn cited_sources(dataset: &Dataset, shown: &[usize]) -> Vec<BriefSource> {
    dataset
        .sources
        .iter()
        .filter_map(|source| {
            let cited = shown
                .iter()
                .filter_map(|&r| dataset.relations.get(r))
                .flat_map(|r| &r.evidence)
                .filter(|e| e.source == source.id)
                .count();
            (cited > 0).then(|| BriefSource {
                title: source.title.clone(),
                outlet: source.publisher.clone(),
                published: source.published.map(|d| d.describe()),
                url: source.url.clone(),
                reliability: source.reliability.map(|r| format!("{r:?} ({})", r.meaning())),
                cited,
            })
        })
        .collect()
}

/// The plain-words notes: what is undated, unsourced, ungraded or unverified.
fn caveats(relations: &[BriefRelation], citations: &[Citation]) -> Vec<String> {
    let count = crate::text::count;
    let mut notes = Vec::new();
    let undated = relations.iter().filter(|r| r.period == "undated").count();
    if undated > 0 {
        notes.push(format!(
            "{} shown {} no date in the sources: when {} held is not known.",
            count(undated, "relation"),
            if undated == 1 { "has" } else { "have" },
            if undated == 1 { "it" } else { "they" }
        ));
    }
    let unsourced = relations.iter().filter(|r| r.citations.is_empty()).count();
    if unsourced > 0 {
        notes.push(format!(
            "{} shown {} no evidence at all.",
            count(unsourced, "relation"),
            if unsourced == 1 { "has" } else { "have" }
        ));
    }
    let no_text = citations.iter().filter(|c| c.check == QuoteCheck::NoText).count();
    if no_text > 0 {
        notes.push(format!(
            "{} could not be checked against {} source's own text (none is attached); they are as the dataset gives them.",
            count(no_text, "quote"),
            if no_text == 1 { "its" } else { "their" }
        ));
    }
    let not_found = citations.iter().filter(|c| c.check == QuoteCheck::NotFound).count();
    if not_found > 0 {
        notes.push(format!(
            "{} {} not found in the text attached to {} source: check {} before relying on {}.",
            count(not_found, "quote"),
            if not_found == 1 { "was" } else { "were" },
            if not_found == 1 { "its" } else { "their" },
            if not_found == 1 { "it" } else { "them" },
            if not_found == 1 { "it" } else { "them" }
        ));
    }
    let ungraded = citations.iter().filter(|c| c.reliability.is_none()).count();
    if ungraded > 0 {
        notes.push(format!(
            "{} come from sources whose reliability is not graded.",
            count(ungraded, "citation")
        ));
    }
    notes
}

/// "A graph of 15 actors and 29 relations: 5 treaties, …", the alt text of the picture.
fn describe_graph(relations: &[BriefRelation]) -> String {
    let mut actors: Vec<&str> = relations
        .iter()
        .flat_map(|r| [r.from.as_str(), r.to.as_str()])
        .collect();
    actors.sort_unstable();
    actors.dedup();
    let mut kinds: Vec<(&str, usize)> = Vec::new();
    for relation in relations {
        match kinds.iter_mut().find(|(k, _)| *k == relation.kind) {
            Some((_, n)) => *n += 1,
            None => kinds.push((&relation.kind, 1)),
        }
    }
    let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
    format!(
        "A graph of {} linked by {}{}. The table below lists every relation drawn.",
        crate::text::count(actors.len(), "actor"),
        crate::text::count(relations.len(), "relation"),
        if kinds.is_empty() {
            String::new()
        } else {
            format!(" ({})", kinds.join(", "))
        }
    )
}

/// The filters of a view in plain words, one statement each.
pub fn describe_filters(
    dataset: &Dataset,
    kinds: &KindFilter,
    evidence: &EvidenceFilter,
    time: Option<TimeWindow>,
    focus: Option<(&str, u8)>,
) -> Vec<String> {
    let mut said = Vec::new();
    match time {
        Some(window) if window.compare => said.push(format!(
            "What changed between {} and {}",
            window.span.from, window.span.to
        )),
        Some(window) if window.span.from == window.span.to => said.push(format!("As of {}", window.span.from)),
        Some(window) => said.push(format!("From {} to {}", window.span.from, window.span.to)),
        None => said.push("All periods".to_owned()),
    }
    if let Some((actor, steps)) = focus {
        said.push(format!(
            "Around {actor}: {} out",
            crate::text::count(usize::from(steps), "link")
        ));
    }
    if !kinds.hidden_relation_kinds.is_empty() {
        let mut shown: Vec<&str> = dataset
            .every_relation_kind()
            .into_iter()
            .filter(|k| !kinds.hidden_relation_kinds.contains(*k))
            .collect();
        shown.sort_unstable();
        let labels: Vec<&str> = shown.iter().map(|k| dataset.relation_kind_label(k)).collect();
        said.push(format!("Kinds shown: {}", labels.join(", ")));
    }
    if let Some(grade) = evidence.min_reliability {
        said.push(format!("Only sources graded {grade:?} ({}) or better", grade.meaning()));
    }
    if let Some(grade) = evidence.min_credibility {
        said.push(format!("Only statements graded {grade} or better"));
    }
    if (evidence.min_reliability.is_some() || evidence.min_credibility.is_some())
        && evidence.ungraded == Ungraded::Fails
    {
        said.push("Ungraded statements left out".to_owned());
    }
    if evidence.min_items > 1 {
        said.push(format!(
            "At least {} per relation",
            crate::text::count(evidence.min_items, "statement")
        ));
    }
    if evidence.min_sources > 1 {
        said.push(format!(
            "At least {} per relation",
            crate::text::count(evidence.min_sources, "source")
        ));
    }
    match evidence.quotes {
        QuoteFilter::Any => {}
        QuoteFilter::Verified => said.push("Only quotes verified in their source's text".to_owned()),
        QuoteFilter::Unverified => said.push("Only quotes not verified in their source's text".to_owned()),
    }
    for source in &evidence.excluded_sources {
        let title = dataset
            .sources
            .iter()
            .find(|s| &s.id == source)
            .map_or(source.as_str(), |s| s.title.as_str());
        said.push(format!("Leaving out “{title}”"));
    }
    said
}

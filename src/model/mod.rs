#![deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
//! The dataset and its rules. Pure data: nothing here knows about egui or files.

mod actor;
mod actor_size;
mod appearance;
mod attribution;
mod caveat;
mod centrality;
mod comparison;
mod dataset;
mod date;
mod diagnostic;
mod edit;
mod editing;
mod evidence;
mod evidence_filter;
mod extra;
mod generate;
mod history;
mod index;
mod known_names;
mod merge;
mod paragraphs;
mod quote_check;
mod relation;
mod relation_facts;
mod relation_kind;
mod search;
mod source;
mod summary;
mod time_filter;
mod time_window;
mod validate;
mod visibility;

pub use actor::{Actor, ActorKind, ActorKindDecl};
pub use actor_size::{SizeBy, numeric_attributes, size_values};
pub use appearance::{Appearance, LineAppearance, NodeShape, hex_colour};
pub use attribution::{Attribution, propose_attribution};
pub use caveat::{Caveat, KEPT_AS_PUBLISHED};
pub use centrality::{Centrality, ColourBy};
pub use comparison::{Change, change_between};
pub use dataset::{Dataset, FORMAT_NAME, FORMAT_VERSION};
pub use date::{DateError, PartialDate, Period, days_in_month};
pub use diagnostic::{Diagnostic, Severity, pointer_segment};
pub use edit::{Edit, Part, Slot};
pub use editing::{
    Checked, FieldProblem, Proposed, add_actor, add_relation, add_source, change_actor, change_evidence,
    change_relation, change_source, check_actor, check_relation, check_source, delete_actor, delete_relation,
    delete_source, describe_relation, merge_actors,
};
pub use evidence::{Evidence, EvidenceAt};
pub use evidence_filter::{EvidenceFilter, QuoteFilter, Ungraded};
pub use extra::ExtraFields;
pub use generate::generate;
pub use history::{History, Step};
pub use index::DatasetIndex;
pub use known_names::{AlternativeName, CowState, KnownNames, NamedState, normalise_name};
pub use merge::{MatchReason, MergeSummary, ProposedMatch, merge, propose_matches};
pub use paragraphs::{Numbering, Paragraphs, shown_paragraph, trim_passage};
pub use quote_check::{QuoteCheck, QuoteChecks, QuotedPassage, Tolerated};
pub use relation::{Direction, Magnitude, Relation};
pub use relation_facts::{RelationFactTable, RelationFacts};
pub use relation_kind::{BuiltinKind, RelationKindDecl, is_hex_colour};
pub use search::{ActorMatch, search_actors};
pub use source::{Reliability, Source, SourceText, credibility_meaning};
pub use summary::Summary;
pub use time_filter::{OutsideTime, YearSpan, active_per_year, this_year, year_range};
pub use time_window::TimeWindow;
pub use validate::{Naming, is_web_link, validate, validate_naming};
pub use visibility::{Emphasis, Focus, KindFilter, OutsideFocus, ViewQuery, Visibility};

//! The public datasets people who study alliances already use, opened as they are
//! downloaded: Correlates of War Formal Alliances, ATOP and the SIPRI Arms Transfers
//! Database. Each is recognised by its header row, not by its file name.
//!
//! Every row becomes evidence whose quote is the row itself, exactly as it stands in the
//! file, and whose source is the dataset: the record says what it says and nothing more.

mod assembly;
mod atop;
mod cow_alliances;
mod memberships;
mod sipri;
mod table;

pub use assembly::Assembly;

use std::path::{Path, PathBuf};

use crate::model::{Dataset, Diagnostic};
use table::Table;

/// The published layouts Entente reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferenceLayout {
    CowDyads,
    CowMembers,
    AtopAlliances,
    AtopMembers,
    SipriTradeRegister,
}

impl ReferenceLayout {
    pub fn name(self) -> &'static str {
        match self {
            Self::CowDyads => "Correlates of War alliance dyad",
            Self::CowMembers => "Correlates of War alliance member",
            Self::AtopAlliances => "ATOP alliance-level",
            Self::AtopMembers => "ATOP member-level",
            Self::SipriTradeRegister => "SIPRI trade register",
        }
    }
}

/// A table recognised by its header: which layout, and where its header row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recognised {
    pub layout: ReferenceLayout,
    header_start: usize,
    header_line: usize,
}

/// SIPRI puts notes above its header; this is how far down the header is looked for.
const PREAMBLE_LINES: usize = 40;

/// Which published layout `text` is in, judging by its header row; `Err` when it clearly
/// means to be one (its columns or notes say so) but the header does not fit any.
pub fn recognise(text: &str) -> Result<Option<Recognised>, Diagnostic> {
    let mut start = 0;
    let mut mentions_sipri = false;
    for (index, line) in text.split('\n').take(PREAMBLE_LINES).enumerate() {
        let fields: Vec<String> = line
            .split(',')
            .map(|f| f.trim().trim_matches('"').trim().to_lowercase())
            .collect();
        let has = |name: &str| fields.iter().any(|f| f == name);
        let at = |layout| {
            Ok(Some(Recognised {
                layout,
                header_start: start,
                header_line: index + 1,
            }))
        };
        if index == 0 && has("version4id") {
            return at(if has("ccode1") || has("ccode2") || has("dyad_st_year") {
                ReferenceLayout::CowDyads
            } else {
                ReferenceLayout::CowMembers
            });
        }
        if index == 0 && has("atopid") {
            // ATOP 5's alliance-level file lists no members; older ones have `mem1`, `mem2`….
            let alliance_level = has("begyr") || fields.iter().any(|f| is_member_column(f));
            return at(if has("member") || !alliance_level {
                ReferenceLayout::AtopMembers
            } else {
                ReferenceLayout::AtopAlliances
            });
        }
        if has("recipient") && has("supplier") {
            return at(ReferenceLayout::SipriTradeRegister);
        }
        if index == 0 && ((has("from") && has("to")) || (has("source") && has("target"))) {
            // An edge list's header: the plain CSV reader's business.
            return Ok(None);
        }
        mentions_sipri |= line.contains("SIPRI");
        start += line.len() + 1;
    }
    if mentions_sipri {
        return Err(Diagnostic::error(
            "missing-column",
            format!("this looks like a SIPRI export, but none of its first {PREAMBLE_LINES} lines is a header row with `Recipient` and `Supplier` columns"),
        )
        .expected("the trade register as SIPRI's website exports it (CSV), notes first, then Recipient,Supplier,Year of order,…")
        .at_line_column(1, 1));
    }
    Ok(None)
}

/// `mem1`, `mem2`…: ATOP's alliance-level member columns.
fn is_member_column(name: &str) -> bool {
    name.strip_prefix("mem")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The other file of a pair that belong together: ATOP's member-level file names each
/// alliance's members, its alliance-level file the alliance's dates and obligations.
/// `atop5_1m.csv` ↔ `atop5_1a.csv`, `atop-member-level.csv` ↔ `atop-alliance-level.csv`.
pub fn companion_path(path: &Path, layout: ReferenceLayout) -> Option<PathBuf> {
    let stem = path.file_stem()?.to_str()?;
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("csv");
    let (from, to) = match layout {
        ReferenceLayout::AtopMembers => (["m", "member"], ["a", "alliance"]),
        ReferenceLayout::AtopAlliances => (["a", "alliance"], ["m", "member"]),
        _ => return None,
    };
    let candidates = [
        stem.strip_suffix(from[0]).map(|base| format!("{base}{}", to[0])),
        stem.contains(from[1]).then(|| stem.replacen(from[1], to[1], 1)),
    ];
    candidates
        .into_iter()
        .flatten()
        .map(|stem| path.with_file_name(format!("{stem}.{extension}")))
        .find(|candidate| candidate.is_file())
}

/// The companion file's name and text, when it was found and read.
pub struct Companion<'a> {
    pub file_name: &'a str,
    pub text: &'a str,
}

/// Reads a recognised table. `file_name` goes into each record's locator.
pub fn read(
    recognised: Recognised,
    text: &str,
    title: &str,
    file_name: &str,
    companion: Option<Companion<'_>>,
) -> Result<(Dataset, Vec<Diagnostic>), Diagnostic> {
    let table = Table::open(text, recognised.header_start, recognised.header_line)?;
    match recognised.layout {
        ReferenceLayout::CowDyads => cow_alliances::read_dyads(table, title, file_name),
        ReferenceLayout::CowMembers => cow_alliances::read_members(table, title, file_name),
        ReferenceLayout::AtopAlliances => atop::read_alliances(table, title, file_name, companion),
        ReferenceLayout::AtopMembers => atop::read_members_with_terms(table, title, file_name, companion),
        ReferenceLayout::SipriTradeRegister => sipri::read_trade_register(table, title, file_name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(text: &str) -> Option<ReferenceLayout> {
        recognise(text).ok().flatten().map(|r| r.layout)
    }

    #[test]
    fn each_layout_is_recognised_by_its_header_whatever_the_file_is_called() {
        assert_eq!(
            layout("version4id,ccode1,state_name1,ccode2,state_name2,dyad_st_day\n"),
            Some(ReferenceLayout::CowDyads)
        );
        assert_eq!(
            layout("version4id,ccode,state_name,all_st_day\n"),
            Some(ReferenceLayout::CowMembers)
        );
        assert_eq!(
            layout("atopid,member,yrent,yrexit\n"),
            Some(ReferenceLayout::AtopMembers)
        );
        assert_eq!(
            layout("atopid,begyr,endyr,mem1,mem2\n"),
            Some(ReferenceLayout::AtopAlliances)
        );
        let sipri = "Transfers of major weapons: SIPRI\n\"Note\"\nRecipient,Supplier,Year of order,,Number ordered\n";
        let recognised = recognise(sipri).ok().flatten().unwrap_or_else(|| panic!("recognised"));
        assert_eq!(recognised.layout, ReferenceLayout::SipriTradeRegister);
        assert_eq!((recognised.header_line, recognised.header_start), (3, 41));
    }

    #[test]
    fn other_tables_are_left_to_the_plain_csv_reader() {
        assert_eq!(layout("from,to,kind\na,b,treaty\n"), None);
        assert_eq!(layout("source,target\n"), None);
        assert_eq!(recognise("").ok().flatten(), None);
    }

    #[test]
    fn a_sipri_export_without_its_header_row_is_refused_with_what_was_expected() {
        let err = recognise("Source: SIPRI Arms Transfers Database\nRecipient;Supplier\n")
            .err()
            .unwrap_or_else(|| panic!("must fail"));
        assert!(err.message.contains("`Recipient` and `Supplier`"), "{}", err.message);
    }
}

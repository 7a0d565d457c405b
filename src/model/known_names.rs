//! The names states go by, shipped with Entente: the Correlates of War state list (which
//! names states only by number in ATOP and COW files) and a table of common alternative
//! names ("North Korea" / "Korea, North" / "Democratic People's Republic of Korea"), some of
//! them tied to a period so that "Soviet Union" and "Russia" stay apart though COW gives both
//! the code 365.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{PartialDate, Period};

const COW_STATES_CSV: &str = include_str!("../../data/cow-states-2016.csv");
const ALTERNATIVE_NAMES_CSV: &str = include_str!("../../data/alternative-names.csv");

/// The last year the shipped state list covers; a state whose membership ends earlier is gone.
const STATE_LIST_LAST_YEAR: i32 = 2016;

/// A member of the COW state system: its code, three-letter abbreviation and name, and the
/// spells during which it was a member.
#[derive(Debug, Clone, PartialEq)]
pub struct CowState {
    pub code: u16,
    pub abbreviation: String,
    pub name: String,
    pub last_year: i32,
}

/// A row of the alternative-names table.
#[derive(Debug, Clone, PartialEq)]
pub struct AlternativeName {
    pub cow_code: Option<u16>,
    pub name: String,
    pub period: Option<Period>,
    pub aliases: Vec<String>,
}

/// The actor a COW country code stands for on a given date.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedState {
    pub id: String,
    pub cow_code: u16,
    pub name: String,
    pub aliases: Vec<String>,
    pub historical: bool,
}

#[derive(Debug, Default)]
pub struct KnownNames {
    states: HashMap<u16, CowState>,
    names: Vec<AlternativeName>,
    /// Normalised name → the groups (indices into `names`, or `names.len() + code` for a
    /// state the table does not list) it belongs to.
    groups_by_name: HashMap<String, Vec<usize>>,
}

impl KnownNames {
    /// The tables shipped with Entente, read once.
    pub fn shipped() -> &'static Self {
        static SHIPPED: OnceLock<KnownNames> = OnceLock::new();
        SHIPPED.get_or_init(|| Self::from_tables(COW_STATES_CSV, ALTERNATIVE_NAMES_CSV))
    }

    /// Reads the two tables; rows that cannot be read are skipped (the shipped tables are
    /// checked by a test, so this only matters for tables a test builds).
    pub fn from_tables(states_csv: &str, names_csv: &str) -> Self {
        let mut known = Self::default();
        for row in csv_rows(states_csv) {
            let (Some(code), Some(abbreviation), Some(name)) = (
                row.get(1).and_then(|c| c.trim().parse::<u16>().ok()),
                row.get(0),
                row.get(2),
            ) else {
                continue;
            };
            let last_year = row
                .get(6)
                .and_then(|y| y.trim().parse().ok())
                .unwrap_or(STATE_LIST_LAST_YEAR);
            let state = known.states.entry(code).or_insert_with(|| CowState {
                code,
                abbreviation: abbreviation.trim().to_owned(),
                name: name.trim().to_owned(),
                last_year,
            });
            state.last_year = state.last_year.max(last_year);
        }
        for row in csv_rows(names_csv) {
            let Some(name) = row.get(1).map(|n| n.trim()).filter(|n| !n.is_empty()) else {
                continue;
            };
            let date = |i: usize| row.get(i).and_then(|d| d.trim().parse::<PartialDate>().ok());
            let (from, to) = (date(2), date(3));
            known.names.push(AlternativeName {
                cow_code: row.get(0).and_then(|c| c.trim().parse().ok()),
                name: name.to_owned(),
                period: (from.is_some() || to.is_some()).then_some(Period { start: from, end: to }),
                aliases: row
                    .get(4)
                    .map(|a| {
                        a.split(';')
                            .map(str::trim)
                            .filter(|a| !a.is_empty())
                            .map(str::to_owned)
                            .collect()
                    })
                    .unwrap_or_default(),
            });
        }
        known.index_groups();
        known
    }

    fn index_groups(&mut self) {
        let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
        let mut add = |name: &str, group: usize| {
            let entry = groups.entry(normalise_name(name)).or_default();
            if !entry.contains(&group) {
                entry.push(group);
            }
        };
        for (group, row) in self.names.iter().enumerate() {
            add(&row.name, group);
            for alias in &row.aliases {
                add(alias, group);
            }
        }
        // A state's name in the COW list belongs with its undated table row, or makes a group
        // of its own; a dated row (Soviet Union) never takes the list's name (Russia).
        for state in self.states.values() {
            let group = self
                .names
                .iter()
                .position(|n| n.cow_code == Some(state.code) && n.period.is_none())
                .unwrap_or(self.names.len() + usize::from(state.code));
            add(&state.name, group);
        }
        self.groups_by_name = groups;
    }

    pub fn state(&self, code: u16) -> Option<&CowState> {
        self.states.get(&code)
    }

    /// Every code in the shipped state list, in order (for tests and generated data).
    pub fn shipped_codes() -> Vec<u16> {
        let mut codes: Vec<u16> = Self::shipped().states.keys().copied().collect();
        codes.sort_unstable();
        codes
    }

    pub fn state_count(&self) -> usize {
        self.states.len()
    }

    /// The actor COW code `code` stands for on `date`: a dated row of the names table when
    /// the date falls in its period, otherwise the undated row, otherwise the state list.
    pub fn state_on(&self, code: u16, date: Option<PartialDate>) -> Option<NamedState> {
        let listed = self.states.get(&code);
        let rows = || self.names.iter().filter(move |n| n.cow_code == Some(code));
        let dated = date.and_then(|date| rows().find(|n| n.period.is_some_and(|p| period_contains(&p, date))));
        if let Some(row) = dated {
            return Some(NamedState {
                id: format!("cow:{code}:{}", slug(&row.name)),
                cow_code: code,
                name: row.name.clone(),
                aliases: row.aliases.clone(),
                historical: row.period.is_some_and(|p| p.end.is_some()),
            });
        }
        let undated = rows().find(|n| n.period.is_none());
        if undated.is_none() && listed.is_none() {
            return None;
        }
        let mut aliases: Vec<String> = undated.map(|n| n.aliases.clone()).unwrap_or_default();
        let name = undated.map_or_else(
            || listed.map(|s| s.name.clone()).unwrap_or_default(),
            |n| n.name.clone(),
        );
        if let Some(state) = listed {
            for other in [&state.name, &state.abbreviation] {
                if *other != name && !aliases.contains(other) {
                    aliases.push(other.clone());
                }
            }
        }
        Some(NamedState {
            id: format!("cow:{code}"),
            cow_code: code,
            name,
            aliases,
            historical: listed.is_some_and(|s| s.last_year < STATE_LIST_LAST_YEAR),
        })
    }

    /// The groups of equivalent names `name` belongs to: two names that share a group mean
    /// the same actor.
    pub fn groups_of(&self, name: &str) -> &[usize] {
        self.groups_by_name
            .get(&normalise_name(name))
            .map_or(&[], Vec::as_slice)
    }

    /// A readable label for a group, for saying why two actors were matched.
    pub fn group_label(&self, group: usize) -> String {
        match self.names.get(group) {
            Some(row) => match row.cow_code {
                Some(code) => format!("{} (COW {code})", row.name),
                None => row.name.clone(),
            },
            None => {
                let code = group.saturating_sub(self.names.len());
                u16::try_from(code)
                    .ok()
                    .and_then(|code| self.states.get(&code))
                    .map_or_else(|| "a known name".to_owned(), |s| format!("{} (COW {})", s.name, s.code))
            }
        }
    }
}

fn csv_rows(text: &str) -> impl Iterator<Item = csv::StringRecord> + '_ {
    csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes())
        .into_records()
        .filter_map(Result::ok)
}

fn period_contains(period: &Period, date: PartialDate) -> bool {
    let day = date.earliest();
    period.start.is_none_or(|s| s.earliest() <= day) && period.end.is_none_or(|e| day <= e.latest())
}

fn slug(text: &str) -> String {
    normalise_name(text).replace(' ', "_")
}

/// A name reduced to what tells it apart: lower case, `&` read as "and", no punctuation, no
/// leading "the", no trailing SIPRI star or country in brackets ("Hezbollah (Lebanon)*").
pub fn normalise_name(text: &str) -> String {
    let mut text = text.trim().trim_end_matches('*').trim_end();
    if text.ends_with(')')
        && let Some(open) = text.rfind(" (")
        && open > 0
    {
        text = text.get(..open).unwrap_or(text);
    }
    let lowered = text.to_lowercase().replace('&', " and ");
    let words: Vec<String> = lowered
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(|w| w.trim_matches('\'').to_owned())
        .filter(|w| !w.is_empty())
        .collect();
    let words = match words.split_first() {
        Some((first, rest)) if first == "the" && !rest.is_empty() => rest.to_vec(),
        _ => words,
    };
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> PartialDate {
        text.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_shipped_state_list_is_whole() {
        let known = KnownNames::shipped();
        // COW's State System Membership List v2016 has 217 distinct states.
        assert_eq!(known.state_count(), 217);
        let north_korea = known.state(731).unwrap_or_else(|| panic!("731 is listed"));
        assert_eq!(
            (north_korea.abbreviation.as_str(), north_korea.name.as_str()),
            ("PRK", "North Korea")
        );
    }

    #[test]
    fn code_365_is_the_soviet_union_during_its_lifetime_and_russia_otherwise() {
        let known = KnownNames::shipped();
        let on = |d: &str| known.state_on(365, Some(date(d))).map(|s| (s.id, s.name));
        assert_eq!(
            on("1961-07-06"),
            Some(("cow:365:soviet_union".into(), "Soviet Union".into()))
        );
        assert_eq!(on("2024-06-19"), Some(("cow:365".into(), "Russia".into())));
        assert_eq!(on("1900"), Some(("cow:365".into(), "Russia".into())));
        let soviet = known
            .state_on(365, Some(date("1961")))
            .unwrap_or_else(|| panic!("named"));
        assert!(soviet.historical);
        assert!(
            !soviet.aliases.iter().any(|a| a == "Russia"),
            "the Soviet Union is not also called Russia"
        );
    }

    #[test]
    fn a_state_gets_its_table_name_and_keeps_the_list_name_as_an_alias() {
        let usa = KnownNames::shipped()
            .state_on(2, None)
            .unwrap_or_else(|| panic!("2 is listed"));
        assert_eq!(usa.name, "United States");
        assert!(usa.aliases.iter().any(|a| a == "United States of America"));
        assert!(usa.aliases.iter().any(|a| a == "USA"));
        let gdr = KnownNames::shipped()
            .state_on(265, None)
            .unwrap_or_else(|| panic!("listed"));
        assert!(gdr.historical, "the GDR left the system in 1990");
        assert_eq!(KnownNames::shipped().state_on(9999, None), None);
    }

    #[test]
    fn alternative_names_share_a_group_and_different_states_do_not() {
        let known = KnownNames::shipped();
        let north = known.groups_of("North Korea");
        assert!(!north.is_empty());
        for other in [
            "Korea, North",
            "Democratic People's Republic of Korea",
            "DPRK",
            "north korea",
        ] {
            assert_eq!(known.groups_of(other), north, "{other}");
        }
        assert_ne!(known.groups_of("South Korea"), north);
        assert_ne!(known.groups_of("Soviet Union"), known.groups_of("Russia"));
        assert_eq!(
            known.groups_of("Antigua and Barbuda"),
            known.groups_of("Antigua & Barbuda")
        );
    }

    #[test]
    fn names_are_compared_without_case_punctuation_stars_or_bracketed_countries() {
        assert_eq!(normalise_name("Hezbollah (Lebanon)*"), "hezbollah");
        assert_eq!(normalise_name("  The Gambia "), "gambia");
        assert_eq!(normalise_name("U.S.A."), "u s a");
        assert_eq!(normalise_name("Côte d'Ivoire"), "côte d'ivoire");
        assert_eq!(normalise_name("(unknown)"), "unknown");
    }
}

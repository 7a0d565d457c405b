//! Who said a passage, when the sentence around it says so: `"…," Ramani said`,
//! `"…," Samuel Ramani, associate fellow at RUSI, told Newsweek`, `The U.S. and NATO have
//! estimated that …`, `according to …`. Only offered to the analyst, never filled in silently:
//! a wrong guess is worse than none, so the patterns are narrow.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// A speaker, and their role when the text gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub speaker: String,
    pub role: Option<String>,
}

/// A name: capitalised words, joined by "and", "of", "de" and the like ("The U.S. and NATO").
const NAME: &str = r"(?P<name>[A-Z][\w.'’-]*(?:\s+(?:(?:and|of|de|van|von|al|bin)\s+)?[A-Z][\w.'’-]*)*)";
/// A role between commas after a name: "associate fellow at the Royal United Services Institute".
const ROLE: &str = r#"(?:,\s+(?P<role>[^,"“”]{3,160}?),)?"#;
const VERB: &str =
    r"(?:said|says|told|explained|added|noted|wrote|warned|stated|argued|observed|insisted|continued|claimed|recalled)";

/// After a quotation: `," Ramani said` or `," Samuel Ramani, …, told Newsweek`.
static NAME_THEN_VERB: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(&format!(r#"^[,.!?]?["”’]?,?\s+{NAME}{ROLE}\s+{VERB}\b"#)).ok());
/// After a quotation: `," said Ramani` or `," said Samuel Ramani, a fellow at RUSI.`
static VERB_THEN_NAME: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"^[,.!?]?["”’]?,?\s+{VERB}\s+{NAME}(?:,\s+(?P<role>[^,.;"“”]{{3,160}}))?"#
    ))
    .ok()
});
/// At a sentence's start, before what was selected: `The U.S. and NATO have estimated that`,
/// `Maslov, director of …, said:`.
static SUBJECT_THEN_VERB: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"^{NAME}{ROLE}\s+(?:(?:has|have|had)\s+)?(?:{VERB}|estimated|reported|announced|believes|believe)(?:\s+\w+)?(?:\s+that\b|:|,)"#
    ))
    .ok()
});
/// Right before what was selected: `according to the Pentagon, `.
static ACCORDING_TO: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let name = NAME.replacen("(?P<name>", "(?P<name>(?:the\\s+)?", 1);
    Regex::new(&format!(r#"[Aa]ccording to {name}{ROLE}[,:]?\s*["“]?$"#)).ok()
});

/// The speaker of the passage at `selected` in `paragraph`, looked up in the rest of `text`
/// for a full name and role when the sentence gives only a surname.
pub fn propose_attribution(text: &str, paragraph: &str, selected: Range<usize>) -> Option<Attribution> {
    let after = paragraph.get(selected.end..)?;
    let sentence_start = sentence_start(paragraph, selected.start);
    let lead = paragraph.get(sentence_start..selected.end)?;
    let before = paragraph.get(sentence_start..selected.start)?;
    let opening = lead.len() - lead.trim_start_matches(['"', '“', ' ']).len();
    let found = [
        (&NAME_THEN_VERB, after, false),
        (&VERB_THEN_NAME, after, false),
        (&SUBJECT_THEN_VERB, lead.get(opening..).unwrap_or_default(), true),
        (&ACCORDING_TO, before, false),
    ]
    .into_iter()
    .find_map(|(pattern, haystack, reports_what_follows)| {
        let captures = pattern.as_ref()?.captures(haystack)?;
        // "X said that …" speaks for what follows it, not for words further on in the sentence.
        let reported_from = captures.get(0)?.end() + opening;
        if reports_what_follows && reported_from + 2 < before.len() {
            return None;
        }
        let speaker = captures.name("name")?.as_str().trim().to_owned();
        let role = captures.name("role").map(|r| r.as_str().trim().to_owned());
        Some(Attribution { speaker, role })
    })?;
    Some(fuller(text, found))
}

/// "Ramani" becomes "Samuel Ramani" (and takes the role) when the text introduces them so.
fn fuller(text: &str, found: Attribution) -> Attribution {
    if found.speaker.contains(char::is_whitespace) {
        return found;
    }
    let pattern = format!(
        r#"(?P<first>(?:[A-Z][\w.'’-]*[ \t]+)+){}\b{ROLE}"#,
        regex::escape(&found.speaker)
    );
    let Some(captures) = Regex::new(&pattern).ok().and_then(|p| p.captures(text)) else {
        return found;
    };
    let first = captures.name("first").map_or("", |m| m.as_str());
    Attribution {
        speaker: format!("{first}{}", found.speaker),
        role: found
            .role
            .or_else(|| captures.name("role").map(|r| r.as_str().trim().to_owned())),
    }
}

/// Where the sentence holding byte `at` begins: after the last ". ", "? " or "! " before it
/// that is followed by a capital or an opening quotation mark and does not end an initial
/// ("U.S. officials").
fn sentence_start(paragraph: &str, at: usize) -> usize {
    let head = paragraph.get(..at).unwrap_or(paragraph);
    let bytes = head.as_bytes();
    let mut start = 0;
    for (i, c) in head.char_indices() {
        if !matches!(c, '.' | '?' | '!') {
            continue;
        }
        let rest = head.get(i + 1..).unwrap_or_default();
        let after_marks = rest.trim_start_matches(['"', '”', '’', '\'']);
        let spaced = after_marks.len() > after_marks.trim_start().len();
        let next = after_marks.trim_start().chars().next();
        let initial = c == '.' && i >= 2 && bytes.get(i - 2).is_some_and(|b| *b == b'.' || *b == b' ');
        if spaced && !initial && next.is_none_or(|n| n.is_uppercase() || matches!(n, '"' | '“')) {
            start = head.len() - after_marks.trim_start().len();
        }
    }
    start
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn propose(paragraph: &str, selected: &str) -> Option<Attribution> {
        let at = paragraph.find(selected)?;
        propose_attribution(paragraph, paragraph, at..at + selected.len())
    }

    #[test]
    fn a_quotation_followed_by_name_role_and_verb() {
        let p = "\"They are in a unique position,\" Samuel Ramani, associate fellow at the Royal United Services Institute, told Newsweek.";
        let found = propose(p, "They are in a unique position");
        assert_eq!(
            found,
            Some(Attribution {
                speaker: "Samuel Ramani".into(),
                role: Some("associate fellow at the Royal United Services Institute".into())
            })
        );
    }

    #[test]
    fn a_surname_is_completed_from_where_the_text_introduces_them() {
        let text =
            "Samuel Ramani, associate fellow at RUSI, told Newsweek.\n\"This is a move,\" Ramani said, \"even then.\"";
        let paragraph = text.lines().nth(1).unwrap_or_default();
        let at = paragraph.find("This is").unwrap_or_default();
        let found = propose_attribution(text, paragraph, at..at + "This is a move".len());
        assert_eq!(found.as_ref().map(|a| a.speaker.as_str()), Some("Samuel Ramani"));
        assert_eq!(found.and_then(|a| a.role).as_deref(), Some("associate fellow at RUSI"));
    }

    #[test]
    fn the_subject_of_a_reporting_verb_at_the_sentence_start() {
        let p = "It was the largest. The U.S. and NATO have estimated that up to 10,000 North Korean personnel have arrived.";
        let found = propose(p, "up to 10,000 North Korean personnel have arrived");
        assert_eq!(found.map(|a| a.speaker), Some("The U.S. and NATO".into()));
        let whole = propose(p, "The U.S. and NATO have estimated that up to 10,000");
        assert_eq!(whole.map(|a| a.speaker), Some("The U.S. and NATO".into()));
        // The end of the sentence is not what they estimated, only part of what they did.
        assert_eq!(propose(p, "have arrived"), None);
    }

    #[test]
    fn said_before_the_name_and_according_to() {
        let p = "\"We will not,\" said Kim Yo Jong, the leader's sister.";
        let found = propose(p, "We will not");
        assert_eq!(found.as_ref().map(|a| a.speaker.as_str()), Some("Kim Yo Jong"));
        assert_eq!(found.and_then(|a| a.role).as_deref(), Some("the leader's sister"));
        let p = "According to the Pentagon, the troops moved in October.";
        assert_eq!(
            propose(p, "the troops moved in October").map(|a| a.speaker),
            Some("the Pentagon".into())
        );
    }

    #[test]
    fn no_speaker_is_offered_when_the_sentence_names_none() {
        let p = "North Korea has provided Russia with artillery. Washington objected.";
        assert_eq!(propose(p, "North Korea has provided Russia with artillery"), None);
        assert_eq!(propose(p, "Washington objected"), None);
    }
}

//! Relations as the import rules make them: ends, kind, direction, period and evidence from
//! a row's or element's attributes; rows describing the same link share one relation.

use super::evidence::EVIDENCE_NAMES;
use super::{ImportBuilder, RELATION_FIELD_NAMES, RelationKey, cell_date, keep_other_attributes};
use crate::io::attribute_values::{
    AttributePair, LINE_APPEARANCE_NAMES, colour_from_text, exact_value, find_value, first_present, on_element,
    positive_number, rgb_colour,
};
use crate::io::import_mapping::RELATION_KIND_NAMES;
use crate::model::{
    Caveat, Diagnostic, Direction, Evidence, ExtraFields, LineAppearance, PartialDate, Period, Relation,
};
use rustc_hash::FxHashMap as HashMap;

impl ImportBuilder {
    /// Adds a relation, or adds evidence to an equal one already read (same ends, kind,
    /// direction and period), as when each row of a spreadsheet quotes one more source.
    pub fn add_relation(
        &mut self,
        id: Option<&str>,
        from: &str,
        to: &str,
        directed: bool,
        attributes: &[impl AttributePair],
    ) {
        self.add_relation_with_evidence(id, from, to, directed, attributes, None);
    }

    /// As `add_relation`, with the evidence its exported `evidence` attribute holds already
    /// read (on another core, for a big file); `None` to read it here.
    pub fn add_relation_with_evidence(
        &mut self,
        id: Option<&str>,
        from: &str,
        to: &str,
        directed: bool,
        attributes: &[impl AttributePair],
        evidence: Option<Vec<Evidence>>,
    ) {
        let ends = (self.ensure_actor(from), self.ensure_actor(to));
        let find = |names: &[&str]| find_value(attributes, names);
        let kind_attribute = match &self.mapping {
            Some(mapping) => on_element(attributes, mapping.relation_kind.as_deref(), &RELATION_KIND_NAMES),
            None => first_present(attributes, &RELATION_KIND_NAMES),
        };
        let kind = self.kind_id(kind_attribute.as_deref().and_then(|n| exact_value(attributes, n)));
        let said = |words: &[&str], d: &str| words.iter().any(|w| w.eq_ignore_ascii_case(d.trim()));
        let direction = match find(&["direction", "directed"]) {
            Some(d) if said(&["mutual", "undirected", "false", "no", "both"], d) => Direction::Mutual,
            Some(d) if said(&["directed", "true", "yes", "one way"], d) => Direction::Directed,
            _ if directed => Direction::Directed,
            _ => Direction::Mutual,
        };
        let (period, caveats) = self.period_and_caveats(from, to, attributes);
        let evidence = match evidence {
            Some(evidence) => evidence,
            None => self.evidence_from(attributes),
        };
        let key = (ends.0, ends.1, kind.clone(), direction, period);
        if id.is_none()
            && let Some(&existing) = self.key_relations().get(&key)
            && let Some(relation) = self.dataset.relations.get_mut(existing)
        {
            relation.evidence.extend(evidence);
            return;
        }
        let mut extra = ExtraFields::new();
        let kind_names: Vec<&str> = kind_attribute.as_deref().into_iter().collect();
        keep_other_attributes(
            attributes,
            &[
                &kind_names,
                RELATION_FIELD_NAMES,
                &EVIDENCE_NAMES,
                &LINE_APPEARANCE_NAMES,
            ],
            &mut extra,
        );
        let mut line = LineAppearance {
            colour: find(&["colour", "color"]).and_then(colour_from_text),
            thickness: find(&["thickness"]).and_then(positive_number),
        };
        if line.colour.is_none() {
            line.colour = rgb_colour(attributes);
        }
        let index = self.dataset.relations.len();
        let id = id.map_or_else(|| format!("r{}", index + 1), str::to_owned);
        if let Some(keyed) = &mut self.keyed {
            self.relation_by_key.insert(key, index);
            *keyed = index + 1;
        }
        self.dataset.relations.push(Relation {
            id,
            kind,
            from: from.to_owned(),
            to: to.to_owned(),
            direction,
            period,
            spells: find(&["spells"])
                .and_then(|s| serde_json::from_str(s).ok())
                .unwrap_or_default(),
            summary: find(&["summary"]).map(str::to_owned).filter(|s| !s.trim().is_empty()),
            magnitude: find(&["magnitude"]).and_then(|m| serde_json::from_str(m).ok()),
            evidence,
            appearance: line,
            caveats,
            extra,
        });
    }

    /// The period a relation's attributes give, and what could not be read of it, which
    /// stays with the relation as caveats.
    fn period_and_caveats(
        &mut self,
        from: &str,
        to: &str,
        attributes: &[impl AttributePair],
    ) -> (Option<Period>, Vec<Caveat>) {
        let find = |names: &[&str]| find_value(attributes, names);
        let before = self.diagnostics.len();
        let [year, start, end] = [
            ("year", find(&["year"])),
            ("start", find(&["start", "from_date", "start_date", "begin"])),
            ("end", find(&["end", "to_date", "end_date"])),
        ]
        .map(|(what, value)| (what, value, cell_date(value)));
        // The relation is named only when there is something to say of it: most rows have not.
        if [&year, &start, &end].iter().any(|(_, _, date)| date.is_err()) {
            let owner = format!("relation “{} → {}”", self.actor_label(from), self.actor_label(to));
            for (what, value, date) in [&year, &start, &end] {
                if date.is_err() {
                    self.warn(Diagnostic::warning(
                        "bad-cell",
                        format!(
                            "{owner}: the {what} `{}` is not a date; it is left out",
                            value.unwrap_or_default().trim()
                        ),
                    ));
                }
            }
        }
        let date = |(_, _, date): (&str, Option<&str>, Result<Option<PartialDate>, ()>)| date.ok().flatten();
        let year = date(year);
        let period = Period {
            start: date(start).or(year),
            end: date(end).or(year),
        };
        // What could not be read stays with the relation, for whoever reads its evidence.
        let mut caveats: Vec<Caveat> = find(&["caveats"])
            .and_then(|c| serde_json::from_str(c).ok())
            .unwrap_or_default();
        caveats.extend(
            self.diagnostics
                .get(before..)
                .unwrap_or_default()
                .iter()
                .map(|d| Caveat::new(d.code, d.message.clone())),
        );
        let period = (period != Period::default()).then_some(period);
        (period, caveats)
    }

    /// The relations read so far by what makes them the same link.
    fn key_relations(&mut self) -> &HashMap<RelationKey, usize> {
        let from = self.keyed.unwrap_or(0);
        for (index, relation) in self.dataset.relations.iter().enumerate().skip(from) {
            let end = |id: &str| self.actor_by_id.get(id).copied().unwrap_or(usize::MAX);
            let key = (
                end(&relation.from),
                end(&relation.to),
                relation.kind.clone(),
                relation.direction,
                relation.period,
            );
            self.relation_by_key.insert(key, index);
        }
        self.keyed = Some(self.dataset.relations.len());
        &self.relation_by_key
    }

    /// Sets the look the file gave a relation outside its attributes (GEXF's `viz:` elements).
    pub fn draw_last_relation(&mut self, look: LineAppearance) {
        if let Some(relation) = self.dataset.relations.last_mut() {
            if look.colour.is_some() {
                relation.appearance.colour = look.colour;
            }
            if look.thickness.is_some() {
                relation.appearance.thickness = look.thickness;
            }
        }
    }
}

//! A small layer over quick-xml shared by the GraphML and GEXF readers: local element names,
//! unescaped attributes and text, byte positions for error messages, and refusal of the XML
//! features that make hostile files dangerous (entity declarations, runaway nesting).

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::text_position::line_column;
use crate::model::Diagnostic;

/// Deeper than any real graph file; stops files built to exhaust the stack or memory.
const MAX_DEPTH: usize = 256;
/// No attribute or text in a graph file needs more; a bigger one is a broken or hostile file.
pub const MAX_VALUE_BYTES: usize = 8 << 20;

#[derive(Debug, Clone, PartialEq)]
pub enum XmlEvent {
    /// An element opened; `empty` when it closed at once (`<node/>`).
    Start {
        name: String,
        attributes: Vec<(String, String)>,
        offset: usize,
        empty: bool,
    },
    End {
        name: String,
    },
    Text(String),
    Eof,
}

pub struct XmlReader<'a> {
    reader: Reader<&'a [u8]>,
    text: &'a str,
    depth: usize,
    pending_end: Option<String>,
}

impl<'a> XmlReader<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut reader = Reader::from_str(text);
        reader.config_mut().trim_text(false);
        Self {
            reader,
            text,
            depth: 0,
            pending_end: None,
        }
    }

    /// A diagnostic located at byte `offset`.
    pub fn error_at(&self, offset: usize, code: &'static str, message: impl Into<String>) -> Diagnostic {
        let (line, column) = line_column(self.text, offset);
        Diagnostic::error(code, message).at_line_column(line, column)
    }

    pub fn position(&self) -> usize {
        usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX)
    }

    pub fn next(&mut self) -> Result<XmlEvent, Diagnostic> {
        // `<a/>` is reported as a start and an end, so readers handle one shape.
        if let Some(name) = self.pending_end.take() {
            self.depth = self.depth.saturating_sub(1);
            return Ok(XmlEvent::End { name });
        }
        loop {
            let offset = self.position();
            let event = self.reader.read_event().map_err(|err| {
                let at = usize::try_from(self.reader.error_position()).unwrap_or(offset);
                self.error_at(at, "malformed-xml", format!("the file is not well-formed XML: {err}"))
            })?;
            match event {
                Event::Start(start) | Event::Empty(start) if self.depth >= MAX_DEPTH => {
                    let _ = start;
                    return Err(self.error_at(
                        offset,
                        "too-deep",
                        format!("elements are nested more than {MAX_DEPTH} deep; no graph file needs that"),
                    ));
                }
                Event::Start(start) => {
                    self.depth += 1;
                    return self.start(&start, offset, false);
                }
                Event::Empty(start) => {
                    self.depth += 1;
                    let event = self.start(&start, offset, true)?;
                    if let XmlEvent::Start { name, .. } = &event {
                        self.pending_end = Some(name.clone());
                    }
                    return Ok(event);
                }
                Event::End(end) => {
                    self.depth = self.depth.saturating_sub(1);
                    return Ok(XmlEvent::End {
                        name: local_name(end.local_name().as_ref()),
                    });
                }
                Event::Text(text) => return Ok(XmlEvent::Text(text.xml10_content().into_owned())),
                Event::CData(data) => {
                    return Ok(XmlEvent::Text(data.into_inner().into_owned()));
                }
                Event::GeneralRef(reference) => {
                    if let Ok(Some(c)) = reference.resolve_char_ref() {
                        return Ok(XmlEvent::Text(c.to_string()));
                    }
                    let name: String = reference.as_ref().to_owned();
                    match quick_xml::escape::resolve_predefined_entity(&name) {
                        Some(value) => return Ok(XmlEvent::Text(value.to_owned())),
                        None => {
                            return Err(self.error_at(
                                offset,
                                "xml-entity",
                                format!(
                                    "the entity `&{name};` is not one of XML's five; Entente does not expand others"
                                ),
                            ));
                        }
                    }
                }
                Event::DocType(doctype) => {
                    let body = doctype.as_ref().to_uppercase();
                    if body.contains("<!ENTITY") {
                        return Err(self.error_at(
                            offset,
                            "xml-entity",
                            "the file declares XML entities, which can expand a small file into gigabytes or read \
                             other files; Entente does not open such files",
                        ));
                    }
                }
                Event::Eof => return Ok(XmlEvent::Eof),
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
            }
        }
    }

    fn start(&self, start: &BytesStart<'_>, offset: usize, empty: bool) -> Result<XmlEvent, Diagnostic> {
        let name = local_name(start.local_name().as_ref());
        let mut attributes = Vec::new();
        for attribute in start.attributes() {
            let attribute = attribute
                .map_err(|err| self.error_at(offset, "malformed-xml", format!("a bad attribute in <{name}>: {err}")))?;
            let key = local_name(attribute.key.local_name().as_ref());
            let value = attribute
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|err| {
                    self.error_at(
                        offset,
                        "xml-entity",
                        format!("attribute `{key}` of <{name}> cannot be read: {err}"),
                    )
                })?;
            if value.len() > MAX_VALUE_BYTES {
                return Err(self.error_at(
                    offset,
                    "too-large",
                    format!(
                        "attribute `{key}` of <{name}> is {} MiB; Entente reads values up to 8 MiB",
                        value.len() >> 20
                    ),
                ));
            }
            attributes.push((key, value.into_owned()));
        }
        Ok(XmlEvent::Start {
            name,
            attributes,
            offset,
            empty,
        })
    }

    /// Reads the text inside the element just opened, up to its end (nested elements'
    /// text included, as yEd nests labels), and consumes the end.
    pub fn text_until_end(&mut self) -> Result<String, Diagnostic> {
        let mut depth = 0usize;
        let mut out = String::new();
        loop {
            match self.next()? {
                XmlEvent::Start { .. } => depth += 1,
                XmlEvent::End { .. } if depth == 0 => return Ok(out.trim().to_owned()),
                XmlEvent::End { .. } => depth -= 1,
                XmlEvent::Text(text) => {
                    out.push_str(&text);
                    if out.len() > MAX_VALUE_BYTES {
                        return Err(self.error_at(
                            self.position(),
                            "too-large",
                            "a text value is over 8 MiB; Entente reads values up to 8 MiB",
                        ));
                    }
                }
                XmlEvent::Eof => {
                    return Err(self.error_at(self.position(), "malformed-xml", "the file ends inside an element"));
                }
            }
        }
    }
}

fn local_name(name: &str) -> String {
    name.to_owned()
}

pub fn attribute<'v>(attributes: &'v [(String, String)], name: &str) -> Option<&'v str> {
    attributes.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Result<Vec<XmlEvent>, Diagnostic> {
        let mut reader = XmlReader::new(text);
        let mut events = Vec::new();
        loop {
            match reader.next()? {
                XmlEvent::Eof => return Ok(events),
                event => events.push(event),
            }
        }
    }

    #[test]
    fn reads_names_attributes_and_text_with_standard_escapes() {
        let events = all(r#"<g:a x="1 &amp; 2"><b/>Tom &amp; Jerry &#233;</g:a>"#).unwrap_or_default();
        assert!(
            matches!(&events[0], XmlEvent::Start { name, attributes, .. } if name == "a" && attributes[0].1 == "1 & 2")
        );
        assert!(matches!(&events[1], XmlEvent::Start { name, empty: true, .. } if name == "b"));
        assert!(matches!(&events[2], XmlEvent::End { name } if name == "b"));
        let text: String = events
            .iter()
            .filter_map(|e| {
                if let XmlEvent::Text(t) = e {
                    Some(t.as_str())
                } else {
                    None
                }
            })
            .collect();
        assert_eq!(text, "Tom & Jerry é");
    }

    #[test]
    fn refuses_entity_declarations_and_unknown_entities() {
        let bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]>\n<a>&lol2;</a>";
        let err = all(bomb).err().unwrap_or_else(|| panic!("must fail"));
        assert_eq!((err.code, err.line), ("xml-entity", Some(2)));
        let err = all("<a>&nbsp;</a>").err().unwrap_or_else(|| panic!("must fail"));
        assert!(err.message.contains("&nbsp;"));
    }

    #[test]
    fn refuses_gigantic_values() {
        let huge = format!("<a x=\"{}\"/>", "y".repeat(MAX_VALUE_BYTES + 1));
        assert_eq!(all(&huge).err().map(|e| e.code), Some("too-large"));
    }

    #[test]
    fn refuses_runaway_nesting_and_reports_malformed_xml_where_it_is() {
        let deep = "<a>".repeat(1000);
        assert_eq!(all(&deep).err().map(|e| e.code), Some("too-deep"));
        let err = all("<a>\n  <b></c>\n</a>").err().unwrap_or_else(|| panic!("must fail"));
        assert_eq!((err.code, err.line), ("malformed-xml", Some(2)));
    }
}

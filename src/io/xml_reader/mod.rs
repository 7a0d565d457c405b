//! A small layer over quick-xml shared by the GraphML and GEXF readers: local element names,
//! unescaped attributes and text, byte positions for error messages, and refusal of the XML
//! features that make hostile files dangerous (entity declarations, runaway nesting).
//!
//! Names, attributes and text borrow from the file's text wherever quick-xml left them as
//! they were: a 100,000-relation GraphML file has millions of them, and copying each one
//! cost more than parsing it.

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::text_position::line_column;
use crate::model::Diagnostic;

/// Deeper than any real graph file; stops files built to exhaust the stack or memory.
const MAX_DEPTH: usize = 256;
/// No attribute or text in a graph file needs more; a bigger one is a broken or hostile file.
pub const MAX_VALUE_BYTES: usize = 8 << 20;

/// An element's attributes, in file order: (local name, unescaped value).
pub type XmlAttributes<'a> = Vec<(Cow<'a, str>, Cow<'a, str>)>;

#[derive(Debug, Clone, PartialEq)]
pub enum XmlEvent<'a> {
    /// An element opened; `empty` when it closed at once (`<node/>`).
    Start {
        name: Cow<'a, str>,
        attributes: XmlAttributes<'a>,
        offset: usize,
        empty: bool,
    },
    End {
        name: Cow<'a, str>,
    },
    Text(Cow<'a, str>),
    Eof,
}

pub struct XmlReader<'a> {
    reader: Reader<&'a [u8]>,
    text: &'a str,
    /// Where in `text` quick-xml's input starts: 0 unless resumed part way through.
    base: usize,
    depth: usize,
    pending_end: Option<Cow<'a, str>>,
    /// A resumed reader's open elements by their names as written, outermost first, checked
    /// against each end tag here: quick-xml never saw the start tags of those it was given.
    open: Option<Vec<Cow<'a, str>>>,
}

impl<'a> XmlReader<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut reader = Reader::from_str(text);
        reader.config_mut().trim_text(false);
        Self {
            reader,
            text,
            base: 0,
            depth: 0,
            pending_end: None,
            open: None,
        }
    }

    /// A reader of `text` from byte `start` on, inside the elements `enclosing` (their names
    /// as written, outermost first) that another reader opened before `start`: for reading
    /// the second half of a big file on the other core. Positions and errors are the file's.
    pub fn resumed(text: &'a str, start: usize, enclosing: Vec<Cow<'a, str>>) -> Self {
        let mut reader = Reader::from_str(text.get(start..).unwrap_or_default());
        reader.config_mut().trim_text(false);
        reader.config_mut().check_end_names = false;
        reader.config_mut().allow_unmatched_ends = true;
        Self {
            reader,
            text,
            base: start,
            depth: enclosing.len(),
            pending_end: None,
            open: Some(enclosing),
        }
    }

    /// How many elements are open where the reader stands; an empty element (`<a/>`) just
    /// read is closed already.
    pub fn depth(&self) -> usize {
        self.depth - usize::from(self.pending_end.is_some())
    }

    /// The name of the element that starts at byte `offset` of the file, as written there
    /// (with its prefix), for handing to a resumed reader.
    pub fn name_written_at(&self, offset: usize) -> Cow<'a, str> {
        let text = self.text;
        let name = text
            .get(offset..)
            .and_then(|rest| rest.strip_prefix('<'))
            .map(|rest| {
                let end = rest
                    .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                    .unwrap_or(rest.len());
                rest.get(..end).unwrap_or_default()
            })
            .unwrap_or_default();
        Cow::Borrowed(name)
    }

    /// A diagnostic located at byte `offset`.
    pub fn error_at(&self, offset: usize, code: &'static str, message: impl Into<String>) -> Diagnostic {
        let (line, column) = line_column(self.text, offset);
        Diagnostic::error(code, message).at_line_column(line, column)
    }

    /// A warning located at byte `offset`: one element the reader skips, not a bad file.
    pub fn warning_at(&self, offset: usize, code: &'static str, message: impl Into<String>) -> Diagnostic {
        let (line, column) = line_column(self.text, offset);
        Diagnostic::warning(code, message).at_line_column(line, column)
    }

    /// The warning for a `<node>` with no id or an `<edge>` without both ends at `offset`:
    /// nothing can link to or from it, so the reader skips it and reads on.
    pub fn skipped_element(&self, offset: usize, element: &str) -> Diagnostic {
        let message = if element == "node" {
            "a <node> has no `id` attribute; it is skipped"
        } else {
            "an <edge> needs both `source` and `target`; this one is skipped"
        };
        self.warning_at(offset, "missing-field", message)
    }

    pub fn position(&self) -> usize {
        usize::try_from(self.reader.buffer_position()).map_or(usize::MAX, |at| self.base.saturating_add(at))
    }

    pub fn next(&mut self) -> Result<XmlEvent<'a>, Diagnostic> {
        // `<a/>` is reported as a start and an end, so readers handle one shape.
        if let Some(name) = self.pending_end.take() {
            self.depth = self.depth.saturating_sub(1);
            return Ok(XmlEvent::End { name });
        }
        loop {
            let offset = self.position();
            match self.read_event()? {
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
                    if let Some(open) = &mut self.open {
                        open.push(Self::written(self.text, start.name().as_ref()));
                    }
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
                    self.check_end(end.name().as_ref(), offset)?;
                    return Ok(XmlEvent::End {
                        name: self.borrowed(end.local_name().as_ref()),
                    });
                }
                Event::Text(text) => return Ok(XmlEvent::Text(text.xml10_content())),
                Event::CData(data) => return Ok(XmlEvent::Text(data.into_inner())),
                Event::GeneralRef(reference) => {
                    if let Ok(Some(c)) = reference.resolve_char_ref() {
                        return Ok(XmlEvent::Text(Cow::Owned(c.to_string())));
                    }
                    let name: &str = &reference;
                    match quick_xml::escape::resolve_predefined_entity(name) {
                        Some(value) => return Ok(XmlEvent::Text(Cow::Borrowed(value))),
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

    /// quick-xml's next event, with a malformed file reported where it breaks.
    fn read_event(&mut self) -> Result<Event<'a>, Diagnostic> {
        let offset = self.position();
        self.reader.read_event().map_err(|err| {
            let at = usize::try_from(self.reader.error_position()).map_or(offset, |at| self.base.saturating_add(at));
            self.error_at(at, "malformed-xml", format!("the file is not well-formed XML: {err}"))
        })
    }

    fn start(&self, start: &BytesStart<'_>, offset: usize, empty: bool) -> Result<XmlEvent<'a>, Diagnostic> {
        let name = self.borrowed(start.local_name().as_ref());
        let mut attributes = Vec::new();
        for attribute in start.attributes() {
            let attribute = attribute
                .map_err(|err| self.error_at(offset, "malformed-xml", format!("a bad attribute in <{name}>: {err}")))?;
            let key = self.borrowed(attribute.key.local_name().as_ref());
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
            let value = match value {
                Cow::Borrowed(value) => self.borrowed(value),
                Cow::Owned(value) => Cow::Owned(value),
            };
            attributes.push((key, value));
        }
        Ok(XmlEvent::Start {
            name,
            attributes,
            offset,
            empty,
        })
    }

    /// A resumed reader's check that the end tag at `offset` closes the element last opened.
    fn check_end(&mut self, written: &str, offset: usize) -> Result<(), Diagnostic> {
        let Some(open) = &mut self.open else {
            return Ok(());
        };
        let written = Self::written(self.text, written);
        match open.pop() {
            Some(name) if name == written => Ok(()),
            // Worded as quick-xml words them for a reader that saw the start tags.
            Some(name) => Err(self.error_at(
                offset,
                "malformed-xml",
                format!(
                    "the file is not well-formed XML: ill-formed document: expected `</{name}>`, but `</{written}>` was found"
                ),
            )),
            None => Err(self.error_at(
                offset,
                "malformed-xml",
                format!(
                    "the file is not well-formed XML: ill-formed document: close tag `</{written}>` does not match any open tag"
                ),
            )),
        }
    }

    /// A name as written in the file (qualified), borrowed from it.
    fn written(text: &'a str, name: &str) -> Cow<'a, str> {
        let start = (name.as_ptr() as usize).checked_sub(text.as_ptr() as usize);
        match start.and_then(|start| text.get(start..start.checked_add(name.len())?)) {
            Some(slice) => Cow::Borrowed(slice),
            None => Cow::Owned(name.to_owned()),
        }
    }

    /// `part` as a slice of the file's text when quick-xml handed out a view of it (it does
    /// for everything it did not have to change), so it outlives the event; a copy otherwise.
    fn borrowed(&self, part: &str) -> Cow<'a, str> {
        let text = self.text;
        let within = (part.as_ptr() as usize)
            .checked_sub(text.as_ptr() as usize)
            .and_then(|start| text.get(start..start.checked_add(part.len())?))
            .filter(|slice| slice.as_ptr() == part.as_ptr());
        match within {
            Some(slice) => Cow::Borrowed(slice),
            None => Cow::Owned(part.to_owned()),
        }
    }

    /// Reads the text inside the element just opened, up to its end (nested elements'
    /// text included, as yEd nests labels), and consumes the end.
    pub fn text_until_end(&mut self) -> Result<Cow<'a, str>, Diagnostic> {
        self.text_until_end_visiting(|_, _| {})
    }

    /// As `text_until_end`, showing `visit` each element nested inside (yEd keeps a node's
    /// geometry and colour in attributes of elements inside its `<data>`).
    pub fn text_until_end_visiting(
        &mut self,
        mut visit: impl FnMut(&str, &XmlAttributes<'a>),
    ) -> Result<Cow<'a, str>, Diagnostic> {
        if let Some(value) = self.plain_text_until_end()? {
            return Ok(value);
        }
        let mut depth = 0usize;
        let mut out: Option<Cow<'a, str>> = None;
        loop {
            match self.next()? {
                XmlEvent::Start { name, attributes, .. } => {
                    visit(&name, &attributes);
                    depth += 1;
                }
                XmlEvent::End { .. } if depth == 0 => {
                    return Ok(out.map_or(Cow::Borrowed(""), trimmed));
                }
                XmlEvent::End { .. } => depth -= 1,
                XmlEvent::Text(text) => {
                    // One piece of text, the usual case, stays a view of the file.
                    out = Some(match out {
                        None => text,
                        Some(before) => Cow::Owned(before.into_owned() + &text),
                    });
                    if out.as_ref().is_some_and(|o| o.len() > MAX_VALUE_BYTES) {
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

    /// The usual value, text and character references with no element inside, read in one
    /// piece: a JSON value exported to GraphML holds dozens of `&quot;`, each of which is an
    /// event of its own. `None` when the value needs the general path (elements, CDATA,
    /// comments, carriage returns, or a reference that is not XML's own, which that path
    /// reports).
    fn plain_text_until_end(&mut self) -> Result<Option<Cow<'a, str>>, Diagnostic> {
        let text = self.text;
        let rest = text.get(self.position()..).unwrap_or_default();
        let Some(markup) = rest.find('<') else {
            return Ok(None);
        };
        let (raw, after) = rest.split_at(markup);
        if !after.starts_with("</") || raw.contains('\r') || raw.len() > MAX_VALUE_BYTES {
            return Ok(None);
        }
        let Ok(value) = quick_xml::escape::unescape(raw) else {
            return Ok(None);
        };
        // Move the reader past what was just read, up to and including the end tag.
        loop {
            let offset = self.position();
            match self.read_event()? {
                Event::End(end) => {
                    self.depth = self.depth.saturating_sub(1);
                    self.check_end(end.name().as_ref(), offset)?;
                    break;
                }
                Event::Eof => {
                    return Err(self.error_at(self.position(), "malformed-xml", "the file ends inside an element"));
                }
                _ => {}
            }
        }
        Ok(Some(trimmed(value)))
    }
}

/// `value` without surrounding white space, copied only when there was some to cut off an
/// unescaped value (an exported JSON value is unescaped, hundreds of bytes, on every edge).
fn trimmed(value: Cow<'_, str>) -> Cow<'_, str> {
    match value {
        Cow::Borrowed(value) => Cow::Borrowed(value.trim()),
        Cow::Owned(value) if value.trim().len() == value.len() => Cow::Owned(value),
        Cow::Owned(value) => Cow::Owned(value.trim().to_owned()),
    }
}

pub fn attribute<'v, K: AsRef<str>, V: AsRef<str>>(attributes: &'v [(K, V)], name: &str) -> Option<&'v str> {
    attributes
        .iter()
        .find(|(k, _)| k.as_ref() == name)
        .map(|(_, v)| v.as_ref())
}

#[cfg(test)]
mod tests;

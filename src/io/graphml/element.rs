//! A GraphML `<key>`, `<node>` or `<edge>` as read: its data by key name, as views of the
//! file's text where possible, and the look yEd's graphics give it.

use std::borrow::Cow;
use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use crate::io::xml_reader::{XmlAttributes, XmlEvent, XmlReader, attribute};
use crate::model::{Appearance, Diagnostic, NodeShape};

#[derive(Debug, Clone)]
pub(super) struct Key {
    /// Shared by every `<data>` of this key, of which a big file has hundreds of thousands.
    pub name: Arc<str>,
    pub domain: String,
    pub default: Option<String>,
}

/// A `<data>` value by its key's name, as a view of the file's text where possible.
pub(super) type Data<'a> = Vec<(Arc<str>, Cow<'a, str>)>;

pub(super) struct Element<'a> {
    pub id: Option<Cow<'a, str>>,
    pub ends: Option<(Cow<'a, str>, Cow<'a, str>)>,
    pub directed: Option<bool>,
    pub attributes: Data<'a>,
    /// What yEd's graphics say: the node's place, size, fill and outline, or the line's colour.
    pub look: Appearance,
}

pub(super) fn read_key(
    reader: &mut XmlReader<'_>,
    attributes: &XmlAttributes<'_>,
    offset: usize,
    empty: bool,
) -> Result<(String, Key), Diagnostic> {
    let Some(id) = attribute(attributes, "id") else {
        return Err(reader.error_at(offset, "missing-field", "a <key> has no `id` attribute"));
    };
    let name: Arc<str> = attribute(attributes, "attr.name")
        .or_else(|| attribute(attributes, "yfiles.type").map(yed_name))
        .unwrap_or(id)
        .into();
    let domain = attribute(attributes, "for").unwrap_or("all").to_owned();
    let id = id.to_owned();
    let default = if empty { None } else { read_key_default(reader)? };
    Ok((id, Key { name, domain, default }))
}

/// A `<node>` or `<edge>` and its data. A node without an id, or an edge without both ends,
/// has none, and the caller skips it.
pub(super) fn read_element<'a>(
    reader: &mut XmlReader<'a>,
    mut attributes: XmlAttributes<'a>,
    is_node: bool,
    empty: bool,
    keys: &HashMap<String, Key>,
) -> Result<Element<'a>, Diagnostic> {
    let directed = attribute(&attributes, "directed").map(|d| d == "true" || d == "1");
    let id = take_attribute(&mut attributes, "id");
    let ends = if is_node {
        None
    } else {
        take_attribute(&mut attributes, "source").zip(take_attribute(&mut attributes, "target"))
    };
    let (data, look) = if empty {
        (Vec::new(), Appearance::default())
    } else {
        read_data(reader, keys)?
    };
    Ok(Element {
        id,
        ends,
        directed,
        attributes: data,
        look,
    })
}

/// What a yEd graphics element says about a node's (or line's) look. Its geometry is the
/// node's box, so the centre is its position and its width its size.
fn yed_graphics(element: &str, attributes: &XmlAttributes<'_>, look: &mut Appearance) {
    let number = |name: &str| {
        attribute(attributes, name)
            .and_then(|v| v.trim().parse::<f32>().ok())
            .filter(|v| v.is_finite())
    };
    match element {
        "Geometry" => {
            if let (Some(x), Some(y)) = (number("x"), number("y")) {
                let (width, height) = (number("width").unwrap_or(0.0), number("height").unwrap_or(0.0));
                look.x = Some(x + width / 2.0);
                look.y = Some(y + height / 2.0);
                look.size = Some(width.max(height)).filter(|s| *s > 0.0);
            }
        }
        "Fill" | "LineStyle" => {
            let transparent = attribute(attributes, "transparent") == Some("true");
            if let Some(colour) = attribute(attributes, "color").filter(|_| !transparent)
                && let Some(hex) = colour.strip_prefix('#').and_then(|h| h.get(..6))
                && hex.bytes().all(|b| b.is_ascii_hexdigit())
                && look.colour.is_none()
            {
                look.colour = Some(format!("#{}", hex.to_ascii_lowercase()));
            }
        }
        "Shape" => look.shape = attribute(attributes, "type").and_then(NodeShape::from_name),
        _ => {}
    }
}

fn yed_name(yfiles_type: &str) -> &str {
    match yfiles_type {
        "nodegraphics" | "edgegraphics" => "label",
        other => other,
    }
}

fn read_key_default(reader: &mut XmlReader<'_>) -> Result<Option<String>, Diagnostic> {
    let mut default = None;
    loop {
        match reader.next()? {
            XmlEvent::Start { name, .. } if name == "default" => default = Some(reader.text_until_end()?.into_owned()),
            XmlEvent::Start { .. } => {
                reader.text_until_end()?;
            }
            XmlEvent::End { .. } => return Ok(default),
            XmlEvent::Text(_) => {}
            XmlEvent::Eof => {
                return Err(reader.error_at(reader.position(), "malformed-xml", "the file ends inside a <key>"));
            }
        }
    }
}

/// The `<data>` children of the element just opened, named by their keys, and the look
/// yEd's graphics inside them give.
fn read_data<'a>(
    reader: &mut XmlReader<'a>,
    keys: &HashMap<String, Key>,
) -> Result<(Data<'a>, Appearance), Diagnostic> {
    let mut data = Vec::new();
    let mut look = Appearance::default();
    loop {
        match reader.next()? {
            XmlEvent::Start { name, attributes, .. } if name == "data" => {
                let key = attribute(&attributes, "key").unwrap_or_default();
                let name = keys.get(key).map_or_else(|| Arc::from(key), |k| k.name.clone());
                let value = reader
                    .text_until_end_visiting(|element, attributes| yed_graphics(element, attributes, &mut look))?;
                if !value.is_empty() {
                    data.push((name, value));
                }
            }
            XmlEvent::Start { .. } => {
                reader.text_until_end()?;
            }
            XmlEvent::End { .. } => return Ok((data, look)),
            XmlEvent::Text(_) => {}
            XmlEvent::Eof => {
                return Err(reader.error_at(
                    reader.position(),
                    "malformed-xml",
                    "the file ends inside a node or edge",
                ));
            }
        }
    }
}

/// Takes an XML attribute's value out of the list, keeping it a view of the file's text.
fn take_attribute<'a>(attributes: &mut XmlAttributes<'a>, name: &str) -> Option<Cow<'a, str>> {
    let at = attributes.iter().position(|(k, _)| k == name)?;
    Some(attributes.swap_remove(at).1)
}

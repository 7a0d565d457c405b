use super::*;

fn all(text: &str) -> Result<Vec<XmlEvent<'_>>, Diagnostic> {
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
                Some(t.as_ref())
            } else {
                None
            }
        })
        .collect();
    assert_eq!(text, "Tom & Jerry é");
}

#[test]
fn refuses_entity_declarations_and_unknown_entities() {
    let bomb =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]>\n<a>&lol2;</a>";
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

/// The value of the first element inside the root, read as the GraphML reader reads `<data>`.
fn value_of(text: &str) -> Result<Cow<'_, str>, Diagnostic> {
    let mut reader = XmlReader::new(text);
    let mut starts = 0;
    loop {
        match reader.next()? {
            XmlEvent::Start { .. } if starts == 1 => return reader.text_until_end(),
            XmlEvent::Start { .. } => starts += 1,
            XmlEvent::Eof => panic!("no value in {text}"),
            _ => {}
        }
    }
}

#[test]
fn element_text_is_read_whole_whichever_way_it_is_written() {
    let value = |text| {
        value_of(text)
            .map(Cow::into_owned)
            .unwrap_or_else(|e| panic!("{text}: {e:?}"))
    };
    // Text and references only: the quick path.
    assert_eq!(value("<g><d>  plain words </d></g>"), "plain words");
    assert_eq!(
        value("<g><d>[{&quot;a&quot;:&quot;b &amp; c&quot;}] &#233;&#x41;</d></g>"),
        "[{\"a\":\"b & c\"}] éA"
    );
    assert_eq!(value("<g><d>line one\r\nline two</d></g>"), "line one\nline two");
    assert_eq!(value("<g><d></d></g>"), "");
    // Markup inside: the general path, which keeps every piece of text.
    assert_eq!(
        value("<g><d><y:label>Kim</y:label> &amp; <y:label>Putin</y:label></d></g>"),
        "Kim & Putin"
    );
    assert_eq!(value("<g><d><![CDATA[a < b]]></d></g>"), "a < b");
    assert_eq!(value("<g><d>x<!-- note -->y</d></g>"), "xy");
    // Whatever path was taken, the reader goes on after the element.
    let mut reader = XmlReader::new("<g><d>a&amp;b</d><e k=\"v\"/></g>");
    let _ = (reader.next(), reader.next());
    assert_eq!(
        reader.text_until_end().map(Cow::into_owned).ok().as_deref(),
        Some("a&b")
    );
    assert!(matches!(reader.next(), Ok(XmlEvent::Start { name, .. }) if name == "e"));
}

#[test]
fn plain_text_stays_a_view_of_the_file() {
    assert!(matches!(
        value_of("<g><d> Pyongyang </d></g>"),
        Ok(Cow::Borrowed("Pyongyang"))
    ));
    assert!(matches!(
        XmlReader::new("<n id=\"a0\"/>").next(),
        Ok(XmlEvent::Start { name: Cow::Borrowed("n"), attributes, .. }) if matches!(attributes[0].1, Cow::Borrowed("a0"))
    ));
}

#[test]
fn element_text_with_an_unknown_entity_or_no_end_is_refused_where_it_is() {
    let err = value_of("<g>\n<d>a &nbsp; b</d></g>")
        .err()
        .unwrap_or_else(|| panic!("must fail"));
    assert_eq!((err.code, err.line), ("xml-entity", Some(2)));
    let err = value_of("<g>\n<d>text").err().unwrap_or_else(|| panic!("must fail"));
    assert_eq!(err.code, "malformed-xml");
}

#[test]
fn a_resumed_reader_reads_on_inside_what_was_opened_before_it() {
    let text = "<g:root>\n<a>one</a>\n<b/>\n</g:root>";
    let start = text.find("<b").unwrap_or_default();
    let mut reader = XmlReader::resumed(text, start, vec![Cow::Borrowed("g:root")]);
    assert_eq!(reader.depth(), 1);
    assert!(matches!(reader.next(), Ok(XmlEvent::Start { name, offset, .. }) if name == "b" && offset == start));
    assert!(matches!(reader.next(), Ok(XmlEvent::End { name }) if name == "b"));
    assert!(matches!(reader.next(), Ok(XmlEvent::Text(_))));
    assert!(matches!(reader.next(), Ok(XmlEvent::End { name }) if name == "root"));
    assert_eq!(reader.depth(), 0);
    assert!(matches!(reader.next(), Ok(XmlEvent::Eof)));

    // Its end tags are checked against those it was given; errors are in the file's lines.
    let mut wrong = XmlReader::resumed(text, start, vec![Cow::Borrowed("root")]);
    let error = (0..4).find_map(|_| wrong.next().err());
    assert_eq!(error.map(|e| (e.code, e.line)), Some(("malformed-xml", Some(4))));
    let mut nothing_open = XmlReader::resumed(text, start, Vec::new());
    let error = (0..4).find_map(|_| nothing_open.next().err());
    assert!(error.is_some_and(|e| e.message.contains("does not match any open tag")));
}

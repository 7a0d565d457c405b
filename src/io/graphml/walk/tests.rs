use super::*;
use crate::io::graphml::write_graphml;
use crate::model::generate;

/// Nodes, edges, graph data, warnings and the edge default, as two walks can be compared by.
type Summary = (Vec<String>, Vec<String>, Vec<(String, String)>, usize, bool);

/// What a walk read, in a form two walks can be compared by.
fn summary(walked: &Walked<'_>) -> Summary {
    let element = |e: &Element<'_>| {
        let data: Vec<String> = e.attributes.iter().map(|(k, v)| format!("{k}={v}")).collect();
        format!("{:?} {:?} {:?} {data:?} {:?}", e.id, e.ends, e.directed, e.look)
    };
    (
        walked.nodes.iter().map(element).collect(),
        walked.edges.iter().map(element).collect(),
        walked.graph_data.clone(),
        walked.warnings.len(),
        walked.edge_default_directed,
    )
}

/// `before`, 300 empty edges, `after`: a file big enough to split with a split point of 0.
fn with_edges(before: &str, edge: &str, after: &str) -> String {
    let edges: String = (0..300)
        .map(|n| format!("<{edge} source=\"a{n}\" target=\"b{n}\"/>\n"))
        .collect();
    format!("{before}\n{edges}{after}\n")
}

fn in_halves(text: &str) -> Walked<'_> {
    walk_splitting_from(text, 0).unwrap_or_else(|e| panic!("{e:?}"))
}

fn in_one_piece(text: &str) -> Walked<'_> {
    walk_splitting_from(text, usize::MAX).unwrap_or_else(|e| panic!("{e:?}"))
}

#[test]
fn two_halves_read_what_one_walk_reads() {
    let text = write_graphml(&generate(300, 1_500, 7));
    let (halves, whole) = (in_halves(&text), in_one_piece(&text));
    let split = halves.split_at.unwrap_or_else(|| panic!("the file was not split"));
    assert!(split > text.len() / 2 && split < text.len());
    assert_eq!(whole.split_at, None);
    assert_eq!(halves.edges.len(), 1_500);
    assert_eq!(summary(&halves), summary(&whole));
}

/// networkx writes `<edge source=".." target=".."/>`: the first half ends on an empty element.
#[test]
fn empty_elements_either_side_of_the_split_are_read_once() {
    let mut text =
        String::from("<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\"/><graph edgedefault=\"undirected\">\n");
    for n in 0..400 {
        text.push_str(&format!("  <node id=\"n{n}\"/>\n"));
    }
    for n in 0..400 {
        text.push_str(&format!("  <edge source=\"n{n}\" target=\"n{}\"/>\n", (n + 1) % 400));
    }
    text.push_str("</graph></graphml>\n");
    let (halves, whole) = (in_halves(&text), in_one_piece(&text));
    assert!(halves.split_at.is_some());
    assert!(!halves.edge_default_directed);
    assert_eq!((halves.nodes.len(), halves.edges.len()), (400, 400));
    assert_eq!(summary(&halves), summary(&whole));
}

/// A file whose middle is a comment quoting edges: the split falls inside it, the first half
/// does not land on it, and the file is read on in one piece.
#[test]
fn a_split_inside_a_comment_reads_on_in_one_piece() {
    let mut text = String::from("<graphml><graph>\n<node id=\"a\"/><node id=\"b\"/>\n<!--\n");
    for _ in 0..200 {
        text.push_str("<edge source=\"a\" target=\"b\"/>\n");
    }
    text.push_str("-->\n<edge source=\"b\" target=\"a\"/>\n</graph></graphml>\n");
    let halves = in_halves(&text);
    assert_eq!(halves.split_at, None);
    assert_eq!(halves.edges.len(), 1);
    assert_eq!(summary(&halves), summary(&in_one_piece(&text)));
}

/// A key declared inside the graph is seen only by the first half; its data in the second
/// half must still be named by it.
#[test]
fn a_key_declared_inside_the_graph_is_read_in_one_piece() {
    let mut text = String::from("<graphml><graph>\n<key id=\"k\" for=\"edge\" attr.name=\"kind\"/>\n");
    for n in 0..300 {
        text.push_str(&format!(
            "<edge source=\"a{n}\" target=\"b{n}\"><data key=\"k\">treaty</data></edge>\n"
        ));
    }
    text.push_str("</graph></graphml>\n");
    let halves = in_halves(&text);
    assert_eq!(halves.split_at, None);
    assert!(
        halves
            .edges
            .iter()
            .all(|e| e.attributes.iter().any(|(k, _)| &**k == "kind"))
    );
    assert_eq!(summary(&halves), summary(&in_one_piece(&text)));
}

/// A broken end tag in the second half is reported as the walk in one piece reports it: in
/// the file's own lines.
#[test]
fn a_broken_second_half_is_reported_at_its_line() {
    let mut lines = vec!["<graphml><graph>".to_owned()];
    for n in 0..300 {
        lines.push(format!(
            "<edge source=\"a{n}\" target=\"b{n}\"><data key=\"k\">x</data></edge>"
        ));
    }
    lines[250] = "<edge source=\"a\" target=\"b\"><data key=\"k\">x</data></edgy>".to_owned();
    lines.push("</graph></graphml>".to_owned());
    let text = lines.join("\n");
    let split = walk_splitting_from(&text, 0)
        .err()
        .unwrap_or_else(|| panic!("must fail"));
    let whole = walk_splitting_from(&text, usize::MAX)
        .err()
        .unwrap_or_else(|| panic!("must fail"));
    assert_eq!((split.code, split.line), ("malformed-xml", Some(251)));
    assert_eq!((&split.message, split.column), (&whole.message, whole.column));
}

/// The end of the graph and the root, which the second half's reader never saw open, are
/// checked against what the first half opened.
#[test]
fn the_second_half_checks_the_ends_of_what_the_first_opened() {
    let prefixed = with_edges(
        "<g:graphml xmlns:g=\"http://graphml.graphdrawing.org/xmlns\"><g:graph>",
        "g:edge",
        "</g:graph></g:graphml>",
    );
    assert_eq!(in_halves(&prefixed).split_at, None, "prefixed tags are not split on");
    let misclosed = with_edges("<graphml><graph>", "edge", "</graphml></graph>");
    let error = walk_splitting_from(&misclosed, 0).err().map(|e| e.code);
    assert_eq!(error, Some("malformed-xml"));
    let closed = with_edges("<graphml><graph>", "edge", "</graph></graphml>");
    assert!(in_halves(&closed).split_at.is_some());
}

/// A graph inside another element of the root: the second half would not know of it, so the
/// file is read in one piece, as it opens.
#[test]
fn a_graph_wrapped_in_another_element_is_read_in_one_piece() {
    let text = with_edges("<graphml><wrapper><graph>", "edge", "</graph></wrapper></graphml>");
    let halves = in_halves(&text);
    assert_eq!(halves.split_at, None);
    assert_eq!(summary(&halves), summary(&in_one_piece(&text)));
}

/// A key after the graph ends (the schema puts keys first, but files break it) names data
/// and gives defaults as it would in one walk; a split walk would lose it, so it reads on.
#[test]
fn a_key_after_the_graph_is_read_in_one_piece() {
    let text = with_edges(
        "<graphml><graph>",
        "edge",
        "</graph><key id=\"k\" for=\"edge\" attr.name=\"kind\"><default>treaty</default></key></graphml>",
    );
    let halves = in_halves(&text);
    assert_eq!(halves.split_at, None);
    assert!(halves.keys.contains_key("k"));
    assert_eq!(summary(&halves), summary(&in_one_piece(&text)));
}

/// Text of more than one byte a character where the middle falls: still split.
#[test]
fn a_middle_inside_a_character_is_moved_to_the_next() {
    let mut text = String::from("<graphml><key id=\"n\" for=\"node\" attr.name=\"name\"/><graph>\n");
    for n in 0..300 {
        text.push_str(&format!("<node id=\"n{n}\"><data key=\"n\">조선 {n}</data></node>\n"));
    }
    text.push_str("</graph></graphml>\n");
    let split = (0..4).find_map(|pad| {
        let padded = format!("{}{text}", " ".repeat(pad));
        (!padded.is_char_boundary(padded.len() / 2)).then_some(padded)
    });
    let text = split.unwrap_or_else(|| panic!("no padding puts the middle inside a character"));
    let halves = in_halves(&text);
    assert!(halves.split_at.is_some());
    assert_eq!(summary(&halves), summary(&in_one_piece(&text)));
}

//! A source's text read from a file the analyst has: plain text, Markdown or a saved web page,
//! in whatever encoding it was written. A web page is reduced to the text a reader sees, one
//! paragraph per block, so that quotes copied from the page in a browser are found in it.

use std::path::Path;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use ego_tree::iter::Edge;
use encoding_rs::Encoding;
use scraper::{Html, Node};

/// A text read from a file, and how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadText {
    pub text: String,
    /// The encoding the bytes were decoded from ("UTF-8", "windows-1252", …).
    pub encoding: &'static str,
    /// How the encoding was known: a byte-order mark, the page's own declaration, or a guess.
    pub encoding_from: EncodingFrom,
    /// True when the file was a web page and this is its readable text.
    pub from_html: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncodingFrom {
    ByteOrderMark,
    Declared,
    /// Valid UTF-8 with nothing saying otherwise.
    Utf8,
    Guessed,
}

impl ReadText {
    /// "a web page reduced to its text, windows-1252 (guessed)", for the source form.
    pub fn describe(&self) -> String {
        let how = match self.encoding_from {
            EncodingFrom::ByteOrderMark => " (from its byte-order mark)",
            EncodingFrom::Declared => " (as the page declares)",
            EncodingFrom::Utf8 => "",
            EncodingFrom::Guessed => " (guessed: the file does not say)",
        };
        let what = if self.from_html {
            "a web page reduced to its text"
        } else {
            "plain text"
        };
        format!("{what}, {}{how}", self.encoding)
    }
}

/// Reads `path` as a source's text (see [`readable_text`]).
pub fn read_text_file(path: &Path, max_bytes: u64) -> Result<ReadText, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if !meta.is_file() {
        return Err(format!("{} is not a file", path.display()));
    }
    if meta.len() > max_bytes {
        return Err(format!(
            "{} is {} MiB, more than the {} MiB a source's text may be",
            path.display(),
            meta.len() >> 20,
            max_bytes >> 20
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    readable_text(&bytes, path).map_err(|why| format!("{}: {why}", path.display()))
}

/// The readable text of a file's bytes. `name` tells a web page by its extension; one without
/// (or misnamed) is still known by its opening `<!DOCTYPE html>` or `<html>`.
pub fn readable_text(bytes: &[u8], name: &Path) -> Result<ReadText, String> {
    let extension = name
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let from_html = matches!(extension.as_str(), "html" | "htm" | "xhtml") || looks_like_html(bytes);
    let (encoding, encoding_from) = encoding_of(bytes, from_html);
    let (decoded, _, _) = encoding.decode(bytes);
    if decoded.contains('\0') {
        return Err("this is not a text file (it holds binary data)".into());
    }
    let text = if from_html {
        html_text(&decoded)
    } else {
        decoded.into_owned()
    };
    if text.trim().is_empty() {
        return Err("the file has no text in it".into());
    }
    Ok(ReadText {
        text,
        encoding: encoding.name(),
        encoding_from,
        from_html,
    })
}

fn looks_like_html(bytes: &[u8]) -> bool {
    let head: Vec<u8> = bytes
        .iter()
        .skip_while(|b| b.is_ascii_whitespace() || **b >= 0x80)
        .take(15)
        .map(u8::to_ascii_lowercase)
        .collect();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

/// The byte-order mark first, then a web page's `charset` declaration, then UTF-8 if the
/// bytes are valid UTF-8, and only then a guess from the bytes (as browsers do).
fn encoding_of(bytes: &[u8], html: bool) -> (&'static Encoding, EncodingFrom) {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return (encoding, EncodingFrom::ByteOrderMark);
    }
    if html && let Some(declared) = declared_charset(bytes) {
        return (declared, EncodingFrom::Declared);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return (encoding_rs::UTF_8, EncodingFrom::Utf8);
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    (detector.guess(None, Utf8Detection::Allow), EncodingFrom::Guessed)
}

/// `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the
/// first 1,024 bytes, where the HTML standard has browsers look for it.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..bytes.len().min(1024))?;
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let label: Vec<u8> = lower
        .get(at..)?
        .iter()
        .copied()
        .skip_while(|b| *b == b'"' || *b == b'\'')
        .take_while(|b| !matches!(b, b'"' | b'\'' | b';' | b'>' | b' ' | b'/'))
        .collect();
    // A page that declares UTF-16 in ASCII is not UTF-16: browsers read it as UTF-8.
    Encoding::for_label(&label).map(|e| {
        if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE {
            encoding_rs::UTF_8
        } else {
            e
        }
    })
}

/// Elements whose content a reader never sees as the page's text, or sees beside it: menus,
/// asides ("Related: …") and footers.
const UNSEEN: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "math", "nav", "button", "select", "iframe", "object",
    "form", "aside", "footer", "dialog",
];
/// Elements that stand as blocks of their own: a paragraph break before and after.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "figure",
    "figcaption",
    "address",
    "hr",
    "details",
    "summary",
];

/// The page's text: one paragraph per block, separated by blank lines, with runs of spaces and
/// line breaks inside a paragraph made one space (as a browser shows them), except in `<pre>`.
/// Only the page's `<main>`, or else its first `<article>`, when it marks one: the story, not
/// the site around it.
fn html_text(html: &str) -> String {
    let page = Html::parse_document(html);
    let element_named = |name: &str| {
        page.tree
            .nodes()
            .find(|n| matches!(n.value(), Node::Element(e) if e.name() == name))
    };
    let story = element_named("main")
        .or_else(|| element_named("article"))
        .unwrap_or_else(|| page.tree.root());
    let mut out = String::new();
    let mut unseen_depth = 0usize;
    let mut pre_depth = 0usize;
    for edge in story.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(element) => {
                    let name = element.name();
                    let hidden = element.attr("hidden").is_some() || element.attr("aria-hidden") == Some("true");
                    if unseen_depth > 0 || hidden || UNSEEN.contains(&name) {
                        unseen_depth += 1;
                    } else if name == "br" {
                        out.truncate(out.trim_end_matches(' ').len());
                        out.push('\n');
                    } else if BLOCKS.contains(&name) {
                        paragraph_break(&mut out);
                        pre_depth += usize::from(name == "pre");
                    }
                }
                Node::Text(text) if unseen_depth == 0 => push_text(&mut out, text, pre_depth > 0),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(element) = node.value() {
                    let name = element.name();
                    if unseen_depth > 0 {
                        // Every element opened while unseen is closed while unseen.
                        unseen_depth -= 1;
                    } else if BLOCKS.contains(&name) {
                        paragraph_break(&mut out);
                        pre_depth = pre_depth.saturating_sub(usize::from(name == "pre"));
                    }
                }
            }
        }
    }
    out.trim().to_owned()
}

fn paragraph_break(out: &mut String) {
    out.truncate(out.trim_end().len());
    if !out.is_empty() {
        out.push_str("\n\n");
    }
}

fn push_text(out: &mut String, text: &str, preformatted: bool) {
    if preformatted {
        out.push_str(text);
        return;
    }
    for (i, word) in text.split(|c: char| c.is_ascii_whitespace()).enumerate() {
        let at_line_start = out.is_empty() || out.ends_with('\n');
        if i > 0 && !at_line_start && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(word);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8], name: &str) -> ReadText {
        match readable_text(bytes, Path::new(name)) {
            Ok(read) => read,
            Err(why) => panic!("{name}: {why}"),
        }
    }

    #[test]
    fn a_web_page_becomes_its_paragraphs_without_scripts_or_menus() {
        let page = "<!DOCTYPE html><html><head><title>T</title><style>p{}</style></head><body>\
            <nav><a href=/>Home</a></nav><h1>The   headline</h1>\n<p>First  <b>bold</b>\n words &amp; more.</p>\
            <script>var x = 1;</script><p>Line one<br>line two</p><ul><li>item</li></ul></body></html>";
        let read = read(page.as_bytes(), "saved.html");
        assert!(read.from_html);
        assert_eq!(
            read.text,
            "The headline\n\nFirst bold words & more.\n\nLine one\nline two\n\nitem"
        );
    }

    #[test]
    fn only_the_story_of_a_page_that_marks_one_and_nothing_hidden() {
        let page = "<html><body><header>Site name</header><main><h1>Pact</h1><div hidden>ADVERTISEMENT</div>\
            <p>Signed.</p><aside>Related: other news</aside><p aria-hidden=\"true\">icon</p></main>\
            <footer>© Site</footer></body></html>";
        assert_eq!(read_text(page.as_bytes(), "p.html"), "Pact\n\nSigned.");
        let page = "<body><div>Menu</div><article><p>Story.</p></article><article><p>Teaser.</p></article></body>";
        assert_eq!(read_text(page.as_bytes(), "p.html"), "Story.");
    }

    #[test]
    fn a_declared_charset_is_honoured_and_a_bom_wins_over_it() {
        // "Kim’s" in windows-1252: the apostrophe is byte 0x92.
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body><p>Kim\x92s</p></body></html>";
        let read = read(page, "page.htm");
        assert_eq!((read.text.as_str(), read.encoding), ("Kim\u{2019}s", "windows-1252"));
        assert_eq!(read.encoding_from, EncodingFrom::Declared);
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice(b"<meta charset=windows-1252><p>Kim\xE2\x80\x99s</p>");
        assert_eq!(read_text(&with_bom, "page.html"), "Kim\u{2019}s");
    }

    fn read_text(bytes: &[u8], name: &str) -> String {
        read(bytes, name).text
    }

    #[test]
    fn plain_text_in_utf16_or_latin_1_is_decoded() {
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Pyongyang’s".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(read_text(&utf16, "a.txt"), "Pyongyang’s");
        let latin = b"Le r\xe9gime a sign\xe9 un trait\xe9 avec la Russie en juin, d\xe9clare le minist\xe8re.";
        let read = read(latin, "a.md");
        assert_eq!(
            read.text,
            "Le régime a signé un traité avec la Russie en juin, déclare le ministère."
        );
        assert_eq!(read.encoding_from, EncodingFrom::Guessed);
        assert!(!read.from_html);
    }

    #[test]
    fn binary_and_empty_files_are_refused() {
        assert!(readable_text(b"\x89PNG\r\n\x1a\n\0\0\0", Path::new("x.txt")).is_err());
        assert!(readable_text(b"<html><script>x</script></html>", Path::new("x.html")).is_err());
    }
}

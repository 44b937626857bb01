//! Renders the Markdown the app shows (every lint rule's documentation)
//! into static node trees at build time, from pulldown-cmark's events, so
//! the Markdown parser does not ship in the wasm. `src/markdown.rs` turns
//! the trees into Yew nodes.

use std::fmt::Write;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag};

/// A rendered element: tag, attributes, children (as Rust source).
struct Frame {
    tag: &'static str,
    attrs: Vec<(&'static str, String)>,
    children: Vec<String>,
}

fn text_node(text: &str) -> String {
    format!("Node::Text({text:?})")
}

#[path = "src/safe_link.rs"]
mod safe_link;
use safe_link::safe_href;

fn open(tag: &Tag<'_>) -> Frame {
    let frame = |tag: &'static str| Frame {
        tag,
        attrs: Vec::new(),
        children: Vec::new(),
    };
    match tag {
        Tag::Paragraph => frame("p"),
        Tag::Heading { level, .. } => frame(match level {
            HeadingLevel::H1 => "h1",
            HeadingLevel::H2 => "h2",
            HeadingLevel::H3 => "h3",
            HeadingLevel::H4 => "h4",
            HeadingLevel::H5 => "h5",
            HeadingLevel::H6 => "h6",
        }),
        Tag::BlockQuote(_) => frame("blockquote"),
        Tag::CodeBlock(kind) => {
            let mut f = frame("pre");
            if let CodeBlockKind::Fenced(info) = kind {
                let lang = info
                    .split(|c: char| c == ',' || c.is_whitespace())
                    .next()
                    .unwrap_or("");
                if !lang.is_empty() {
                    f.attrs.push(("data-lang", lang.to_string()));
                }
            }
            f
        }
        Tag::List(Some(start)) => {
            let mut f = frame("ol");
            f.attrs.push(("start", start.to_string()));
            f
        }
        Tag::List(None) => frame("ul"),
        Tag::Item => frame("li"),
        Tag::Emphasis => frame("em"),
        Tag::Strong => frame("strong"),
        Tag::Strikethrough => frame("del"),
        Tag::Link { dest_url, .. } => match safe_href(dest_url) {
            Some(href) => {
                let mut f = frame("a");
                f.attrs.push(("href", href));
                f
            }
            None => frame(""),
        },
        Tag::Table(_) => frame("table"),
        Tag::TableHead => frame("thead"),
        Tag::TableRow => frame("tr"),
        Tag::TableCell => frame("td"),
        // Anything else keeps its text in a plain group.
        _ => frame(""),
    }
}

fn close(frame: Frame) -> String {
    let attrs: Vec<String> = frame
        .attrs
        .iter()
        .map(|(k, v)| format!("({k:?}, {v:?})"))
        .collect();
    let children = frame.children.join(", ");
    // A code block's text goes in a <code> inside the <pre>.
    let children = if frame.tag == "pre" {
        format!("Node::El(\"code\", &[], &[{children}])")
    } else {
        children
    };
    format!(
        "Node::El({:?}, &[{}], &[{}])",
        frame.tag,
        attrs.join(", "),
        children
    )
}

/// Markdown to the Rust source of a `&[Node]`.
fn render(markdown: &str) -> String {
    let mut stack = vec![Frame {
        tag: "",
        attrs: Vec::new(),
        children: Vec::new(),
    }];
    for event in Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    ) {
        let node = match event {
            Event::Start(tag) => {
                stack.push(open(&tag));
                continue;
            }
            Event::End(_) => close(stack.pop().expect("balanced events")),
            // Raw HTML is shown as text, never injected.
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => text_node(&t),
            Event::Code(code) => format!("Node::El(\"code\", &[], &[{}])", text_node(&code)),
            Event::SoftBreak => text_node(" "),
            Event::HardBreak => "Node::El(\"br\", &[], &[])".to_string(),
            Event::Rule => "Node::El(\"hr\", &[], &[])".to_string(),
            _ => continue,
        };
        stack.last_mut().expect("root frame").children.push(node);
    }
    let root = stack.swap_remove(0);
    format!("&[{}]", root.children.join(", "))
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/safe_link.rs");
    let mut out = String::from(
        "/// Every lint rule's and Docker build check's documentation, rendered: `(code, nodes)`.\n\
         pub static RULE_DOCS: &[(&str, &[Node])] = &[\n",
    );
    for meta in dockyard_lint::rules::documented() {
        let _ = writeln!(
            out,
            "    ({:?}, {}),",
            meta.code,
            render(&meta.documentation())
        );
    }
    out.push_str("];\n");
    let path = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("rule_docs.rs");
    std::fs::write(path, out).expect("OUT_DIR is writable");
}

//! Markdown as static node trees, rendered at build time from
//! pulldown-cmark's events (see `build.rs`), turned into Yew nodes here.
//! The trees hold text and a few safe elements; nothing is injected as HTML.

use yew::prelude::*;

/// A node of rendered Markdown.
pub enum Node {
    Text(&'static str),
    /// Tag (empty for a plain group), attributes, children.
    El(
        &'static str,
        &'static [(&'static str, &'static str)],
        &'static [Node],
    ),
}

include!(concat!(env!("OUT_DIR"), "/rule_docs.rs"));

/// The rendered documentation of the rule `code`.
pub fn rule_doc(code: &str) -> Option<&'static [Node]> {
    RULE_DOCS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, nodes)| *nodes)
}

/// Yew nodes for rendered Markdown.
pub fn to_html(nodes: &'static [Node]) -> Html {
    html! { <>{ for nodes.iter().map(node) }</> }
}

fn node(n: &'static Node) -> Html {
    match n {
        Node::Text(text) => html! { { *text } },
        Node::El("", _, children) => to_html(children),
        Node::El(tag, attrs, children) => {
            let mut element = yew::virtual_dom::VTag::new(*tag);
            for (name, value) in *attrs {
                element.add_attribute(name, *value);
            }
            element.add_children(children.iter().map(node));
            element.into()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{rule_doc, Node};

    fn text(nodes: &[Node], out: &mut String) {
        for n in nodes {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::El(_, _, children) => text(children, out),
            }
        }
    }

    #[test]
    fn every_rule_has_rendered_documentation() {
        for meta in dockyard_lint::rules::documented() {
            let nodes =
                rule_doc(meta.code).unwrap_or_else(|| panic!("{} has no rendered doc", meta.code));
            let mut out = String::new();
            text(nodes, &mut out);
            assert!(out.contains("What it does"), "{}", meta.code);
        }
    }

    #[test]
    fn headings_and_code_blocks_become_elements() {
        let nodes = rule_doc("DL3006").unwrap();
        assert!(matches!(nodes[0], Node::El("h2", _, _)));
        assert!(nodes.iter().any(|n| matches!(n, Node::El("pre", attrs, _) if attrs.contains(&("data-lang", "dockerfile")))));
    }
}

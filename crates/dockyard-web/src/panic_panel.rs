//! The panic hook: a panic anywhere replaces nothing and blanks nothing; it
//! puts a readable error panel on top of the page instead.
//!
//! The panel is built with DOM calls and `text_content`, never from HTML
//! strings, so a panic message that carries markup is shown as text.

use wasm_bindgen::JsCast;

/// The id of the panel element, so a second panic reuses it.
pub const PANEL_ID: &str = "dockyard-panic";

/// Installs the hook. Yew's renderer keeps a hook set this way.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()));
        let message = panic_message(info.payload());
        let report = report(&message, location.as_deref());
        web_sys::console::error_1(&report.as_str().into());
        show(&report);
    }));
}

/// The text of a panic payload (`panic!("...")` gives `&str` or `String`).
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown error".to_string()
    }
}

/// The report shown to the learner and logged to the console.
pub fn report(message: &str, location: Option<&str>) -> String {
    match location {
        Some(at) => format!("{message}\n  at {at}"),
        None => message.to_string(),
    }
}

/// Shows (or updates) the error panel with `report` as plain text.
/// Does nothing if there is no document, e.g. in a worker.
pub fn show(report: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    let panel = match document.get_element_by_id(PANEL_ID) {
        Some(existing) => existing,
        None => match build_panel(&document) {
            Some(panel) => {
                let _ = body.insert_before(&panel, body.first_child().as_ref());
                panel
            }
            None => return,
        },
    };
    if let Some(pre) = panel.query_selector("pre").ok().flatten() {
        pre.set_text_content(Some(report));
    }
    if let Ok(panel) = panel.dyn_into::<web_sys::HtmlElement>() {
        let _ = panel.focus();
    }
}

fn build_panel(document: &web_sys::Document) -> Option<web_sys::Element> {
    let panel = document.create_element("section").ok()?;
    panel.set_id(PANEL_ID);
    panel.set_class_name("panic-panel");
    panel.set_attribute("role", "alert").ok()?;
    panel.set_attribute("tabindex", "-1").ok()?;
    panel
        .set_attribute("aria-labelledby", "dockyard-panic-title")
        .ok()?;

    let title = document.create_element("h2").ok()?;
    title.set_id("dockyard-panic-title");
    title.set_text_content(Some("Dockyard stopped working"));
    let text = document.create_element("p").ok()?;
    text.set_text_content(Some(
        "Something went wrong inside the app, and the page cannot continue. \
         Reload the page to start again. If it happens again, please report \
         the details below.",
    ));
    let details = document.create_element("pre").ok()?;
    let reload = document.create_element("a").ok()?;
    reload.set_attribute("href", "").ok()?;
    reload.set_text_content(Some("Reload the page"));

    for child in [&title, &text, &details, &reload] {
        panel.append_child(child).ok()?;
    }
    Some(panel)
}

#[cfg(test)]
mod tests {
    use super::{panic_message, report};

    #[test]
    fn report_names_the_location_when_known() {
        assert_eq!(
            report("boom", Some("src/app.rs:3:5")),
            "boom\n  at src/app.rs:3:5"
        );
        assert_eq!(report("boom", None), "boom");
    }

    #[test]
    fn payloads_become_text() {
        assert_eq!(panic_message(&"static"), "static");
        assert_eq!(panic_message(&String::from("owned")), "owned");
        assert_eq!(panic_message(&42_u8), "unknown error");
    }
}

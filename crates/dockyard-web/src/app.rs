//! The app shell: header, navigation and the page for the current route.

use gloo::events::EventListener;
use yew::prelude::*;

use crate::lint_view::RulePage;
use crate::pages::{Home, LessonPage, NotFound, SandboxPage};
use crate::route::Route;

/// The current route from `location.hash`, kept in step with `hashchange`.
#[hook]
fn use_route() -> Route {
    let route = use_state(current_route);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "hashchange", move |_| route.set(current_route()))
            });
            move || drop(listener)
        });
    }
    (*route).clone()
}

fn current_route() -> Route {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    Route::parse(&hash)
}

/// The root component.
#[component]
pub fn App() -> Html {
    let route = use_route();
    use_effect_with(route.clone(), |route| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&route.title());
            // Move focus to the new page so keyboard and screen reader
            // users land on its content after following a link.
            if let Some(main) = document.get_element_by_id("main") {
                use wasm_bindgen::JsCast;
                if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                    let _ = main.focus();
                }
            }
        }
    });

    let page = match &route {
        Route::Home => html! { <Home /> },
        Route::Lesson(id) => html! { <LessonPage id={id.clone()} /> },
        Route::Sandbox => html! { <SandboxPage /> },
        Route::Rule(code) => html! { <RulePage code={code.clone()} /> },
        Route::NotFound(path) => html! { <NotFound path={path.clone()} /> },
    };

    html! {
        <>
            <header class="site-header">
                <a class="brand" href={Route::Home.href()}>{ "Dockyard" }</a>
                <Nav current={route.clone()} />
            </header>
            <main id="main" tabindex="-1">{ page }</main>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct NavProps {
    current: Route,
}

/// The main navigation; the link of the current section carries
/// `aria-current="page"`.
#[component]
fn Nav(props: &NavProps) -> Html {
    let items = [
        (
            "Course",
            Route::Home,
            matches!(props.current, Route::Home | Route::Lesson(_)),
        ),
        (
            "Sandbox",
            Route::Sandbox,
            matches!(props.current, Route::Sandbox | Route::Rule(_)),
        ),
    ];
    html! {
        <nav aria-label="Main">
            <ul>
                { for items.into_iter().map(|(label, route, current)| html! {
                    <li>
                        <a href={route.href()} aria-current={current.then_some("page")}>
                            { label }
                        </a>
                    </li>
                }) }
            </ul>
        </nav>
    }
}

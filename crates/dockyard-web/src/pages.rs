//! The pages behind each route. They stay small: content and state come
//! from the core crates as those land.

use yew::prelude::*;

use crate::lint_view::DockerfileLinter;
use crate::route::Route;

/// `#/`: what Dockyard is, and the course outline.
#[component]
pub fn Home() -> Html {
    html! {
        <article class="page">
            <h1>{ "Learn Docker, Makefiles and CI by doing" }</h1>
            <p class="lead">
                { "Dockyard is a sandbox for learning Docker containers, Makefiles, \
                   Dockerfile linting and continuous integration, right in your \
                   browser: no install, no account, nothing sent to a server." }
            </p>
            <section aria-labelledby="outline-title">
                <h2 id="outline-title">{ "Course outline" }</h2>
                <p>{ "No lessons are published in this version yet." }</p>
            </section>
            <p>
                <a class="button" href={Route::Sandbox.href()}>{ "Open the sandbox" }</a>
            </p>
        </article>
    }
}

#[derive(Properties, PartialEq)]
pub struct LessonProps {
    pub id: String,
}

/// `#/lesson/ID`: a lesson. No lesson is published yet, so every id is
/// answered with a plain "not found" that names it.
#[component]
pub fn LessonPage(props: &LessonProps) -> Html {
    html! {
        <article class="page">
            <h1>{ "Lesson not found" }</h1>
            <p>
                { "There is no lesson called " }
                <code>{ &props.id }</code>
                { "." }
            </p>
            <p><a href={Route::Home.href()}>{ "Back to the course outline" }</a></p>
        </article>
    }
}

/// `#/sandbox`: the free workspace. For now: a Dockerfile checked as you
/// type by the hadolint-compatible linter.
#[component]
pub fn SandboxPage() -> Html {
    html! {
        <article class="page page-wide">
            <h1>{ "Sandbox" }</h1>
            <p class="lead">
                { "Edit the Dockerfile: it is checked as you type, with the same rules, \
                   messages and line numbers as hadolint. Select a rule code to read why it matters." }
            </p>
            <DockerfileLinter />
        </article>
    }
}

#[derive(Properties, PartialEq)]
pub struct NotFoundProps {
    pub path: String,
}

/// Any other fragment.
#[component]
pub fn NotFound(props: &NotFoundProps) -> Html {
    html! {
        <article class="page">
            <h1>{ "Page not found" }</h1>
            <p>
                { "Nothing lives at " }
                <code>{ &props.path }</code>
                { "." }
            </p>
            <p><a href={Route::Home.href()}>{ "Back to the course outline" }</a></p>
        </article>
    }
}

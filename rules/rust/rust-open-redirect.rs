async fn login_done(Query(q): Query<Next>) -> impl IntoResponse {
    let next = q.next.clone();
    // ruleid: rust-open-redirect
    Redirect::to(&next)
}

async fn logout() -> impl IntoResponse {
    // ok: rust-open-redirect
    Redirect::to("/login")
}

async fn back(form: web::Form<Back>) -> HttpResponse {
    // ruleid: rust-open-redirect
    HttpResponse::Found().append_header(("Location", form.url.as_str())).finish()
}

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

async fn admin_login(Form(data): Form<LoginForm>) -> Result<Redirect, Error> {
    if let Some(redirect) = data.redirect {
        // ok: rust-open-redirect
        return Ok(Redirect::to(format!("{}{redirect}", admin_path())));
    }
    // ok: rust-open-redirect
    Ok(Redirect::to(&format!("/admin/{}", data.page)))
}

async fn image(Query(params): Query<ImageParams>) -> Result<Redirect, Error> {
    let url = params.url.clone();
    let bypass = allowed_prefixes().iter().any(|p| url.starts_with(p.as_str()));
    if bypass {
        // ok: rust-open-redirect
        return Ok(Redirect::to(url.as_str()));
    }
    // ruleid: rust-open-redirect
    Ok(Redirect::to(url.as_str()))
}

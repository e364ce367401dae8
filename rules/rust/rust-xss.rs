async fn hello(Query(q): Query<Hello>) -> Html<String> {
    // ruleid: rust-xss
    Html(format!("<h1>Hello {}</h1>", q.name))
}

async fn hello_safe(Query(q): Query<Hello>) -> Html<String> {
    let name = html_escape::encode_text(&q.name);
    // ok: rust-xss
    Html(format!("<h1>Hello {}</h1>", name))
}

async fn greet(form: web::Form<Hello>) -> HttpResponse {
    let page = format!("<p>{}</p>", form.name);
    // ruleid: rust-xss
    HttpResponse::Ok().content_type("text/html").body(page)
}

async fn greet_json(form: web::Form<Hello>) -> HttpResponse {
    // ok: rust-xss
    HttpResponse::Ok().content_type("application/json").body(serde_json::to_string(&form.name).unwrap())
}

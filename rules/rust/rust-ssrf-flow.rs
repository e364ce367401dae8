async fn preview(Query(q): Query<Preview>, client: State<reqwest::Client>) -> impl IntoResponse {
    let target = format!("{}/meta", q.site);
    // ruleid: rust-ssrf-flow
    let resp = reqwest::get(&target).await.unwrap();
    // ok: rust-ssrf-flow
    let health = reqwest::get("https://status.example.com/health").await.unwrap();
    StatusCode::OK
}

async fn fetch_direct(Query(query): Query<Fetch>, client: State<reqwest::Client>) -> impl IntoResponse {
    // ok: rust-ssrf-flow
    let resp = client.get(&query.url).send().await.unwrap();
    StatusCode::OK
}

async fn fetch_parsed(Query(q): Query<Fetch>) -> impl IntoResponse {
    let url = Url::parse(&q.site)?;
    // ruleid: rust-ssrf-flow
    let resp = reqwest::get(url).await?;
    StatusCode::OK
}

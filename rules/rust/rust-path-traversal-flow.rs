async fn download(Path(name): Path<String>) -> impl IntoResponse {
    let full = std::path::Path::new("/srv/files").join(&name);
    // ruleid: rust-path-traversal-flow
    let body = tokio::fs::read(&full).await.unwrap();
    // ok: rust-path-traversal-flow
    let index = tokio::fs::read("/srv/files/index.html").await.unwrap();
    body
}

async fn download_safe(Path(name): Path<String>) -> impl IntoResponse {
    let only = std::path::Path::new(&name).file_name().unwrap();
    let full = std::path::Path::new("/srv/files").join(only);
    // ok: rust-path-traversal-flow
    let body = tokio::fs::read(&full).await.unwrap();
    body
}

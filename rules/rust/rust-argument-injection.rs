async fn mirror(Json(req): Json<MirrorRequest>) -> impl IntoResponse {
    // ruleid: rust-argument-injection
    let out = Command::new("git").arg("clone").arg(&req.url).output().await;
    // ok: rust-argument-injection
    let out2 = Command::new("git").arg("clone").arg("--").arg(&req.url).output().await;
    // ruleid: rust-argument-injection
    let out3 = Command::new("curl").args(["-s", &req.url]).output().await;
    // ok: rust-argument-injection
    let out4 = Command::new("ls").arg(&req.url).output().await;
    // ok: rust-argument-injection
    let out5 = Command::new("git").arg("fetch").arg("origin").output().await;
    StatusCode::OK
}
